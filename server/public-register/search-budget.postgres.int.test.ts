import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { openFreshDatabase } from '@/test/db';
import { isStatementTimeout, searchBudgetMs, TOO_BROAD, withinSearchBudget } from './search-budget';

// PostgreSQL cancels a public search past its time limit (PGlite has no statement timeout,
// so this is PostgreSQL only): the visitor is asked to narrow it, and the limit does not
// outlive the search on its pooled connection.
describe('a public search within its time limit', () => {
  let fresh: Awaited<ReturnType<typeof openFreshDatabase>>;
  beforeAll(async () => {
    fresh = await openFreshDatabase({ migrate: false, poolMax: 1 });
  });
  afterAll(() => fresh.close());

  it('is cancelled past the limit and reported as too broad', async () => {
    const started = Date.now();
    const result = await withinSearchBudget(fresh.handle.db, (tx) => tx.execute(sql`select pg_sleep(5)`), 100);
    expect(result).toBe(TOO_BROAD);
    expect(Date.now() - started).toBeLessThan(4000); // cancelled, not waited out
  });

  it('returns what a search within the limit found, and leaves the connection without a limit', async () => {
    const rows = await withinSearchBudget(fresh.handle.db, (tx) => selectRows<{ n: number }>(tx, sql`select 42 as n`), 1000);
    expect(rows).toEqual([{ n: 42 }]);
    const [setting] = await selectRows<{ statement_timeout: string }>(fresh.handle.db, sql`show statement_timeout`);
    expect(setting!.statement_timeout).toBe('0');
  });

  it('lets any other failure through', async () => {
    await expect(withinSearchBudget(fresh.handle.db, (tx) => tx.execute(sql`select 1 / 0`), 1000)).rejects.toThrow();
  });

  it('reads its limit from PUBLIC_SEARCH_TIMEOUT_MS and knows the cancel from its code', () => {
    expect(searchBudgetMs({})).toBe(2000);
    expect(searchBudgetMs({ PUBLIC_SEARCH_TIMEOUT_MS: '750' })).toBe(750);
    expect(searchBudgetMs({ PUBLIC_SEARCH_TIMEOUT_MS: 'soon' })).toBe(2000);
    expect(isStatementTimeout({ cause: { code: '57014' } })).toBe(true);
    expect(isStatementTimeout({ code: '23505' })).toBe(false);
  });
});
