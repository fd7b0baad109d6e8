import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, setDbHandle, type DbHandle } from '@/db/client';
import { auditLog, documents, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { PUBLIC_CACHE_CONTROL } from '@/lib/public-locale';
import { proxy } from '@/proxy';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { verifyPublicly } from '@/server/issuing/public-verify';
import { registerDocument } from '@/server/register/register-document';
import type { RegisterActor } from '@/server/register/visibility';
import { setupTestDatabase, testDbKind } from '@/test/db';
import { institutionLetterInput } from '@/test/register';
import { makeDocumentPublic } from './mutations';
import { publicEntry, searchPublicRegister } from './queries';
import { publicResponse } from './respond';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
/** The version the document's card shows now (lib/record-version.ts). */
const cardVersion = (id: string) => versionNow(db.handle().db, 'documents', id);
const ctx = { requestId: 'test' };
let mari: RegisterActor; // specialist, klienditeenindus
let juri: RegisterActor; // manager, klienditeenindus
let rasmus: RegisterActor; // manager, pensionid
let admin: RegisterActor;
let restrictedId = '';
let restrictedNumber = '';

const actorFor = async (code: string): Promise<RegisterActor> => {
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
};

beforeAll(async () => {
  await seedDemo(db.handle().db);
  [mari, juri, rasmus, admin] = (await Promise.all(['47805122004', '37509182078', '39203173055', '37906062915'].map(actorFor))) as [
    RegisterActor,
    RegisterActor,
    RegisterActor,
    RegisterActor,
  ];
  const doc = await registerDocument(
    mari,
    institutionLetterInput({
      institutionCode: '75014913',
      title: 'Päring toimetulekutoetuse Avalikustamiskatse kohta',
      senderReference: '1-2/345',
      pages: '1',
      isRestricted: true,
      restrictionGroundCode: 'avts-35-1-12',
    }),
    [{ name: 'scan.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nscan\n%%EOF') }],
    ctx,
  );
  restrictedId = doc.id;
  restrictedNumber = doc.number;
});

describe('making a restricted document public on purpose', () => {
  it('is refused to a specialist and to another unit’s manager, and changes nothing', async () => {
    await expect(makeDocumentPublic(mari, { documentId: restrictedId, version: await cardVersion(restrictedId) }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(makeDocumentPublic(rasmus, { documentId: restrictedId, version: await cardVersion(restrictedId) }, ctx)).rejects.toBeInstanceOf(DomainError);
    const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, restrictedId));
    expect(doc!.publicSince).toBeNull();
    const audits = await db
      .handle()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.make_public'), eq(auditLog.entityId, restrictedId)));
    expect(audits).toHaveLength(0);
    expect((await searchPublicRegister({ words: 'Avalikustamiskatse' }, 'et')).entries).toEqual([]);
  });

  it('by the unit’s manager shows the title and party from then on, audited; twice is refused', async () => {
    expect(await publicEntry(restrictedNumber, null, 'et')).toMatchObject({ restricted: true, title: null, party: null });
    await makeDocumentPublic(juri, { documentId: restrictedId, version: await cardVersion(restrictedId) }, ctx);
    expect(await publicEntry(restrictedNumber, null, 'et')).toMatchObject({
      restricted: false,
      title: 'Päring toimetulekutoetuse Avalikustamiskatse kohta',
      party: 'Tallinna Linnavalitsus',
      partyIsPrivate: false,
    });
    expect((await searchPublicRegister({ words: 'avalikustamiskatse' }, 'en')).entries.map((e) => e.number)).toEqual([restrictedNumber]);
    const [audit] = await db
      .handle()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.make_public'), eq(auditLog.entityId, restrictedId)));
    expect(audit).toMatchObject({ actorCode: juri.personalCode, outcome: 'success' });
    await expect(makeDocumentPublic(admin, { documentId: restrictedId, version: await cardVersion(restrictedId) }, ctx)).rejects.toBeInstanceOf(DomainError);
  });
});

describe('the public verification’s rate limit', () => {
  it('is shared by two instances through PostgreSQL, per IP address, and audited each time', async () => {
    process.env.RATE_LIMIT_VERIFY_IP = '4/600';
    // A second instance: its own connection pool to the same database (PGlite is one process: the same handle).
    const second: DbHandle = testDbKind === 'postgres' ? await openDb({ url: db.url()!, migrate: false, poolMax: 2 }) : db.handle();
    try {
      const instances = [db.handle(), second, db.handle(), second, db.handle()];
      const answers = [];
      for (const handle of instances) {
        setDbHandle(handle);
        answers.push(await verifyPublicly({ code: 'K7QF3M9XTRF' }, { ip: '192.0.2.44', requestId: 'rl', locale: 'et' }));
      }
      expect(answers.slice(0, 4).map((a) => a.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
      expect(answers[4]).toMatchObject({ status: 'limited' });
      // Another address is not limited by this one.
      expect(await verifyPublicly({ code: 'K7QF3M9XTRF' }, { ip: '192.0.2.45', requestId: 'rl', locale: 'et' })).toMatchObject({ status: 'unknown' });
    } finally {
      setDbHandle(db.handle());
      if (second !== db.handle()) await second.close();
      delete process.env.RATE_LIMIT_VERIFY_IP;
    }
    const rows = await db
      .handle()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.verify_public'), sql`${auditLog.details}->>'ip' = '192.0.2.44'`));
    expect(rows[0]!.n).toBe(4);
  });
});

describe('caching headers', () => {
  const at = (p: string, init?: ConstructorParameters<typeof NextRequest>[1]) => proxy(new NextRequest(new URL(p, 'https://toolaud.example'), init));

  it('let the public register be cached, in the visitor’s language', () => {
    for (const p of ['/avalik', '/avalik?tekst=pension', '/avalik/2-1/1534-1?aasta=2026', '/avalik/andmed.json', '/avalik/andmed.csv', '/avalik/voog.xml']) {
      const response = at(p, { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
      expect(response.headers.get('cache-control'), p).toBe(PUBLIC_CACHE_CONTROL);
      expect(response.headers.get('cache-control'), p).toMatch(/max-age=\d+, stale-while-revalidate=\d+/);
      expect(response.headers.get('vary'), p).toContain('Accept-Language');
      expect(response.headers.get('x-middleware-request-x-toolaud-locale'), p).toBe('en');
    }
  });

  it('keep the verification page, the language switch and every staff page out of every cache', () => {
    const pages = ['(portal)', '(auth)']
      .flatMap((group) => (fs.readdirSync(path.join('app', group), { recursive: true }) as string[]).filter((f) => path.basename(f) === 'page.tsx'))
      .map((f) =>
        `/${path.dirname(f).split(path.sep).join('/')}`
          .replace(/\/\.$/, '')
          .replace(/\[\.\.\.\w+\]/g, 'a/b')
          .replace(/\[\w+\]/g, randomUUID())
          .replace(/\/$/, ''),
      )
      .map((p) => p || '/');
    expect(pages.length).toBeGreaterThan(20);
    for (const p of [...pages, '/kontrolli', '/kontrolli?kood=K7QF-3M9X-TRF', '/keel?l=en', '/valjastatud/x/pdf', '/api/health']) {
      const response = at(p);
      expect(response.headers.get('cache-control'), p).toBe('no-store');
      expect(response.headers.get('x-middleware-request-x-toolaud-locale'), p).toBe(p.startsWith('/kontrolli') || p.startsWith('/keel?') ? 'et' : null);
    }
    // A POST to a public path (a server action) is never cacheable either.
    expect(at('/avalik', { method: 'POST' }).headers.get('cache-control')).toBe('no-store');
  });

  it('give the open data an ETag and answer 304 for it', async () => {
    const first = publicResponse(new Request('https://x.ee/avalik/andmed.json'), '{"entries":[]}', 'application/json; charset=utf-8');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    const again = publicResponse(new Request('https://x.ee/avalik/andmed.json', { headers: { 'if-none-match': etag } }), '{"entries":[]}', 'application/json');
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
