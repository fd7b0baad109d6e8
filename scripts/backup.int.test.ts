import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, selectRows, type Db } from '@/db/client';
import { staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { recordAudit } from '@/server/audit/record';
import { verifyAuditChain } from '@/server/audit/verify';
import { reportIncident } from '@/server/incidents/mutations';
import { backupPgliteDb, restorePglite, restorePostgres } from '@/server/ops/backup';
import { registerDocument } from '@/server/register/register-document';
import { actorByCode, demo, report } from '@/test/incidents';
import { onlyOn, setupTestDatabase } from '@/test/db';
import { registrationInput } from '@/test/register';

// A populated database is backed up, restored into an empty one, and everything is found
// again: each document, each file by the SHA-256 of its bytes, each audit row (and the
// chain verifies), each outbox message. On PostgreSQL through the npm scripts themselves.

const db = setupTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-backup-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const scanHashes: string[] = [];

beforeAll(async () => {
  const d = db.handle().db;
  await seedDemo(d);
  const [mari] = await d.select().from(staff).where(eq(staff.personalCode, demo.mari));
  const actor = { id: mari!.id, personalCode: mari!.personalCode, roles: mari!.roles, unitCode: mari!.unitCode };
  for (let i = 0; i < 3; i++) {
    const bytes = new Uint8Array([...new TextEncoder().encode(`%PDF-1.7\n`), ...randomBytes(2048), ...new TextEncoder().encode('\n%%EOF')]);
    scanHashes.push(createHash('sha256').update(bytes).digest('hex'));
    await registerDocument(
      actor,
      registrationInput({
        party: 'institution',
        clientCode: '',
        clientGivenName: '',
        clientFamilyName: '',
        institutionName: `Varundusamet ${i}`,
        identityDocumentType: 'id_card',
        title: `Varundatav kiri ${i}`,
        pages: '1',
      }),
      [{ name: `kiri-${i}.pdf`, bytes }],
      { requestId: `backup-test-${i}` },
    );
  }
  await reportIncident(await actorByCode(d, demo.andres), report({ officeCode: 'tartu' }), [], { requestId: 'backup-test-incident' });
  await recordAudit({ action: 'test.backup', details: { note: 'viimane rida enne varundust' } }, d);
});

type Snapshot = {
  documents: string[];
  files: string[];
  audit: string[];
  outbox: string[];
};

async function snapshot(d: Db): Promise<Snapshot> {
  const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(d, q);
  const documents = await rows<{ k: string }>(sql`select id || ' ' || number || ' ' || title as k from documents order by 1`);
  // The SHA-256 of the stored bytes themselves, next to the one recorded at upload.
  const files = await rows<{ k: string; content: Uint8Array }>(
    sql`select a.sha256 as k, b.content from attachments a join attachment_blobs b on b.attachment_id = a.id`,
  );
  const audit = await rows<{ k: string }>(sql`select seq || ' ' || hash as k from audit_log order by seq`);
  const outbox = await rows<{ k: string }>(
    sql`select id || ' ' || status || ' ' || (payload->>'to') || ' ' || coalesce(request_id, '') as k from outbox_messages order by 1`,
  );
  return {
    documents: documents.map((r) => r.k),
    files: files.map((r) => `${r.k}=${createHash('sha256').update(new Uint8Array(r.content)).digest('hex')}`).sort(),
    audit: audit.map((r) => r.k),
    outbox: outbox.map((r) => r.k),
  };
}

function expectComplete(before: Snapshot, after: Snapshot) {
  expect(before.documents.length).toBeGreaterThanOrEqual(3);
  expect(before.outbox.length).toBeGreaterThan(0);
  for (const hash of scanHashes) expect(after.files).toContain(`${hash}=${hash}`);
  expect(after).toEqual(before);
}

onlyOn('postgres', () =>
  describe('npm run backup / restore on PostgreSQL', () => {
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const file = path.join(dir, 'toolaud.dump');
    let emptyUrl: string;

    beforeAll(async () => {
      const admin = new URL(process.env.TEST_PG_URL!);
      const name = `toolaud_restore_${randomBytes(5).toString('hex')}`;
      const handle = await openDb({ url: admin.toString(), poolMax: 1 });
      await handle.db.execute(sql.raw(`create database ${name}`));
      await handle.close();
      admin.pathname = `/${name}`;
      emptyUrl = admin.toString();
    });
    afterAll(async () => {
      const handle = await openDb({ url: process.env.TEST_PG_URL!, poolMax: 1 });
      await handle.db.execute(sql.raw(`drop database if exists ${new URL(emptyUrl).pathname.slice(1)} with (force)`));
      await handle.close();
    });

    it('restores into an empty database with every document, file, audit row and outbox message', async () => {
      const backup = spawnSync(tsx, ['scripts/backup.ts', file], { env: { ...process.env, DATABASE_URL: db.url() }, encoding: 'utf8' });
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      const restore = spawnSync(tsx, ['scripts/restore.ts', file], { env: { ...process.env, DATABASE_URL: emptyUrl }, encoding: 'utf8' });
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toMatch(/audit chain of \d+ rows verifies/);

      const restored = await openDb({ url: emptyUrl, poolMax: 2 });
      try {
        expectComplete(await snapshot(db.handle().db), await snapshot(restored.db));
        expect((await verifyAuditChain(restored.db)).ok).toBe(true);
      } finally {
        await restored.close();
      }
      // A second restore over the now populated database is refused, changing nothing.
      await expect(restorePostgres(emptyUrl, file)).rejects.toThrow(/not empty/);
    });

    it('refuses a backup whose bytes no longer match its manifest', async () => {
      const tampered = path.join(dir, 'tampered.dump');
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
      fs.writeFileSync(tampered, bytes);
      fs.copyFileSync(`${file}.json`, `${tampered}.json`);
      await expect(restorePostgres(emptyUrl, tampered)).rejects.toThrow(/does not match its manifest/);
    });
  }),
);

onlyOn('pglite', () =>
  describe('backup / restore on PGlite', () => {
    it('restores into a new data directory with every document, file, audit row and outbox message', async () => {
      const file = path.join(dir, 'toolaud.tar.gz');
      await backupPgliteDb(db.handle().db, file);
      const target = path.join(dir, 'restored');
      const result = await restorePglite(target, file);
      expect(result.auditRows).toBeGreaterThan(0);
      const restored = await openDb({ dataDir: target });
      try {
        expectComplete(await snapshot(db.handle().db), await snapshot(restored.db));
      } finally {
        await restored.close();
      }
      await expect(restorePglite(target, file)).rejects.toThrow(/not empty/);
    });
  }),
);
