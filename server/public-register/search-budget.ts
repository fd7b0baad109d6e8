import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';

// A public search runs with a time limit in PostgreSQL: a broad search over a million entries
// (a common word with filters that leave nothing, so the newest-first walk reads a whole
// department's entries) must not hold a connection and a core for seconds while anyone on
// the internet can send it again. Past the limit the visitor is asked to narrow the search.

/** Milliseconds a public search may take in PostgreSQL (PUBLIC_SEARCH_TIMEOUT_MS, default 2000). */
export function searchBudgetMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PUBLIC_SEARCH_TIMEOUT_MS?.trim();
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : 2000;
}

/** PostgreSQL's "canceling statement due to statement timeout" (57014), from either driver. */
export function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '57014') return true;
  }
  return false;
}

export const TOO_BROAD = Symbol('too broad');

/** Runs `search` with the statement time limit; TOO_BROAD when PostgreSQL cancelled it. */
export async function withinSearchBudget<T>(db: Db, search: (tx: Tx) => Promise<T>, ms = searchBudgetMs()): Promise<T | typeof TOO_BROAD> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.floor(ms)}`));
      return search(tx);
    });
  } catch (error) {
    if (isStatementTimeout(error)) return TOO_BROAD;
    throw error;
  }
}
