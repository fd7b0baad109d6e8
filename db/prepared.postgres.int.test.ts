import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openFreshDatabase } from '@/test/db';
import { selectRows, type DbHandle } from './client';
import { units } from './schema';

// db/client.ts sends drizzle's queries to PostgreSQL as named prepared statements (one round
// trip each instead of two). PGlite has no such protocol choice, so this is PostgreSQL only.
describe('queries on PostgreSQL are prepared once per connection', () => {
  async function withDatabase(run: (handle: DbHandle) => Promise<void>, env: Record<string, string> = {}) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const fresh = await openFreshDatabase({ migrate: true, poolMax: 1 });
    process.env = saved;
    try {
      await run(fresh.handle);
    } finally {
      await fresh.close();
    }
  }

  const preparedCount = async (handle: DbHandle) =>
    Number((await selectRows<{ n: string }>(handle.db, sql`select count(*) as n from pg_prepared_statements where statement like '%"units"%'`))[0]!.n);
  const unitNamed = (handle: DbHandle, code: string) => handle.db.select({ name: units.nameEt }).from(units).where(eq(units.code, code));

  it('a query, in or out of a transaction, is prepared on its connection and reused', async () => {
    await withDatabase(async (handle) => {
      await handle.db.insert(units).values({ code: 'proov', nameEt: 'Proovi osakond', nameEn: 'Test unit' });
      expect(await unitNamed(handle, 'proov')).toEqual([{ name: 'Proovi osakond' }]);
      expect(await unitNamed(handle, 'puudub')).toEqual([]);
      await handle.db.transaction(async (tx) => {
        expect(await tx.select({ name: units.nameEt }).from(units).where(eq(units.code, 'proov'))).toEqual([{ name: 'Proovi osakond' }]);
      });
      // One pooled connection: the select was prepared once and run three times, the insert once.
      expect(await preparedCount(handle)).toBe(2);
    });
  });

  it('a statement prepared before a migration changed its table still answers after it', async () => {
    await withDatabase(async (handle) => {
      await handle.db.insert(units).values({ code: 'proov', nameEt: 'Proovi osakond', nameEn: 'Test unit' });
      const all = () =>
        selectRows<Record<string, unknown>>(handle.db, sql`select * from ${units} where ${units.code} <> ${'-'} order by ${units.code} limit 1`);
      await all();
      await handle.db.execute(sql.raw(`alter table units add column prepared_probe text default 'x'`));
      // The cached plan's result type changed ("cached plan must not change result type"):
      // postgres.js prepares it again instead of failing the request.
      const [row] = await all();
      expect(row).toMatchObject({ code: 'proov', prepared_probe: 'x' });
    });
  });

  it('the search database leaves its statements unnamed, so each run is planned for its values', async () => {
    await withDatabase(async (handle) => {
      const search = () => handle.searchDb!.select({ en: units.nameEn }).from(units).where(eq(units.code, 'puudub'));
      for (let i = 0; i < 7; i++) expect(await search()).toEqual([]);
      const kept = await selectRows<{ n: string }>(handle.db, sql`select count(*) as n from pg_prepared_statements where statement like '%name_en%'`);
      expect(Number(kept[0]!.n)).toBe(0);
    });
  });

  it('DB_PREPARE=0 sends them unnamed (for a transaction-mode pooler)', async () => {
    await withDatabase(
      async (handle) => {
        await unitNamed(handle, 'puudub');
        await unitNamed(handle, 'puudub');
        expect(await preparedCount(handle)).toBe(0);
      },
      { DB_PREPARE: '0' },
    );
  });
});
