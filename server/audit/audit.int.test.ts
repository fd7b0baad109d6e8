import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { selectRows } from '@/db/client';
import { onlyOn, setupTestDatabase } from '@/test/db';
import { appendAudit, recordAudit } from './record';
import { verifyAuditChain } from './verify';

const db = setupTestDatabase();

describe('audit trail', () => {
  it('an empty chain verifies', async () => {
    expect(await verifyAuditChain(db.handle().db)).toEqual({ ok: true, rows: 0 });
  });

  it('stays one unbroken line with 100 actions written concurrently', async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        recordAudit({
          action: 'test.concurrent',
          actorCode: '38001085718',
          actorRole: 'specialist',
          subjectCode: '60001019906',
          purpose: `case ${i}`,
          details: { i, nested: { b: 1, a: [1, 'x'] } },
        }),
      ),
    );
    const rows = await db.handle().db.select().from(auditLog).orderBy(asc(auditLog.seq));
    expect(rows).toHaveLength(100);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // No forks: every row's predecessor is the row before it.
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.details?.i)).size).toBe(100);
    expect(await verifyAuditChain(db.handle().db, 7)).toEqual({ ok: true, rows: 100 });
  });

  it('stays gapless and verifiable when appends inside transactions commit, roll back and race', async () => {
    const d = db.handle().db;
    const before = (await d.select().from(auditLog)).length;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        d.transaction(async (tx) => {
          await appendAudit(tx, {
            action: 'test.in_transaction',
            purpose: `Jutumärgid " \\ reavahetus \n õäöü 😀 ${i}`,
            details: { i, when: '28.11.2026', list: [null, true, 2.5, { z: 'ü', a: '</script>' }] },
          });
          // Every third writer fails after appending: its row and its seq must vanish.
          if (i % 3 === 0) throw new Error('rolled back on purpose');
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(14);
    const rows = await d.select().from(auditLog).orderBy(asc(auditLog.seq));
    expect(rows).toHaveLength(before + 26);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(rows.filter((r) => r.action === 'test.in_transaction').every((r) => (r.details?.i as number) % 3 !== 0)).toBe(true);
    expect(await verifyAuditChain(d, 7)).toEqual({ ok: true, rows: rows.length });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const d = db.handle().db;
    await expect(d.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(d.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
    await expect(d.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(d)).toMatchObject({ ok: true, rows: 126 });
  });

  it('audit:verify names the first row changed behind the portal’s back', async () => {
    const d = db.handle().db;
    const [original] = await selectRows<{ purpose: string }>(d, sql`select purpose from audit_log where seq = 42`);
    // Someone with owner rights switches the guard off and edits history.
    await d.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await d.execute(sql`update audit_log set purpose = 'innocent' where seq = 42`);
    expect(await verifyAuditChain(d)).toEqual({ ok: false, rows: 41, brokenSeq: 42, reason: 'hash' });
    await d.execute(sql`update audit_log set purpose = ${original!.purpose} where seq = 42`);
    expect(await verifyAuditChain(d)).toEqual({ ok: true, rows: 126 });
    // A deleted row shows as a gap in the sequence.
    await d.execute(sql`delete from audit_log where seq = 70`);
    await d.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    expect(await verifyAuditChain(d)).toEqual({ ok: false, rows: 69, brokenSeq: 70, reason: 'sequence-gap' });
  });

  onlyOn('postgres', () =>
    it('runs on a real PostgreSQL server', async () => {
      const [row] = await selectRows<{ v: string }>(db.handle().db, sql`select current_setting('server_version') as v`);
      expect(row!.v).toMatch(/^\d+/);
    }),
  );
});
