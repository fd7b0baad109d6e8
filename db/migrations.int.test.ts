import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/test/db';
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
