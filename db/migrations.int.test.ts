import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openFreshDatabase, setupTestDatabase } from '@/test/db';
import { appliedMigrationCount, runMigrations, selectRows } from './client';
import { offices, regions, staff, units } from './schema';
import { seedDemo } from './seed/seed';
import { demoStaff } from './seed/org-data';
import { isValidPersonalCode } from '@/lib/personal-code';

const db = setupTestDatabase();

describe('migrations and seed', () => {
  it('apply from empty: every journal entry is recorded once', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(await appliedMigrationCount(db.handle().db)).toBe(journal.entries.length);
    // Running them again is a no-op.
    await runMigrations(db.handle());
    expect(await appliedMigrationCount(db.handle().db)).toBe(journal.entries.length);
  });

  it('upgrades an existing database across payment_return_reject, whose enum values are added inside the migrator transaction', async () => {
    // Production databases get that migration alone, in its own transaction: a value added there with
    // ALTER TYPE … ADD VALUE cannot be used as an enum literal until that commits, so the
    // CHECKs compare status::text. (From empty, every migration runs in one transaction that
    // also created the type, where the values are usable at once: the test above.)
    const journalFile = path.join(process.cwd(), 'db/migrations/meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag.endsWith('_payment_return_reject'));
    expect(upTo).toBeGreaterThan(0);
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-migrations-'));
    fs.cpSync(path.join(process.cwd(), 'db/migrations'), older, { recursive: true });
    fs.writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    const fresh = await openFreshDatabase();
    try {
      process.env.MIGRATIONS_DIR = older;
      await runMigrations(fresh.handle);
      expect(await appliedMigrationCount(fresh.handle.db)).toBe(upTo);
      delete process.env.MIGRATIONS_DIR;
      await runMigrations(fresh.handle);
      expect(await appliedMigrationCount(fresh.handle.db)).toBe(journal.entries.length);
      const values = await selectRows<{ v: string }>(fresh.handle.db, sql`select unnest(enum_range(null::benefit_payment_status))::text as v`);
      expect(values.map((r) => r.v)).toEqual(['prepared', 'approved', 'handed_over', 'returned', 'rejected']);
      // Why the ::text: using a value in the transaction that adds it is refused on this engine too.
      await expect(
        fresh.handle.db.transaction(async (tx) => {
          await tx.execute(sql`alter type benefit_payment_status add value 'probe_value'`);
          await tx.execute(sql`select 'probe_value'::benefit_payment_status`);
        }),
      ).rejects.toThrow();
    } finally {
      delete process.env.MIGRATIONS_DIR;
      await fresh.close();
      fs.rmSync(older, { recursive: true, force: true });
    }
  });

  it('seeds realistic demo data, and seeding twice changes nothing', async () => {
    const first = await seedDemo(db.handle().db);
    expect(first.staffAdded).toBe(demoStaff.length);
    const count = async () => {
      const [row] = await selectRows<{ s: number; r: number; o: number; u: number; m: number }>(
        db.handle().db,
        sql`select (select count(*)::int from ${staff}) as s, (select count(*)::int from ${regions}) as r,
                   (select count(*)::int from ${offices}) as o, (select count(*)::int from ${units}) as u,
                   (select count(*)::int from ${staff} where manager_id is not null) as m`,
      );
      return row;
    };
    const before = await count();
    const second = await seedDemo(db.handle().db);
    expect(second.staffAdded).toBe(0);
    expect(await count()).toEqual(before);
    expect(before).toMatchObject({ r: 4, u: 6 });
    expect(before!.m).toBeGreaterThan(5);
  });

  it('demo staff have valid personal codes and cover every role', () => {
    for (const p of demoStaff) expect(isValidPersonalCode(p.personalCode), p.personalCode).toBe(true);
    const roles = new Set(demoStaff.flatMap((p) => p.roles));
    expect([...roles].sort()).toEqual(['admin', 'finance', 'it_support', 'manager', 'specialist']);
  });
});
