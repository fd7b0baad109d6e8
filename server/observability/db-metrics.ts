import { sql } from 'drizzle-orm';
import { selectRows, type DbHandle } from '@/db/client';
import { metrics } from './metrics';

// Gauges read from the database when Prometheus scrapes: the outbox (shared by all
// instances, so every instance reports the same numbers) and this instance's own
// connections. postgres.js has no public pool statistics, so the pool is seen from the
// server's side: pg_stat_activity rows with this instance's application_name
// (db/client.ts sets it from INSTANCE_ID). The scrape's own query counts as one active.

export function applicationName(): string {
  return process.env.INSTANCE_ID ? `toolaud:${process.env.INSTANCE_ID}` : 'toolaud';
}

export async function collectDbMetrics(handle: DbHandle): Promise<void> {
  const m = metrics();
  const outbox = await selectRows<{ status: string; n: number; oldest: number | null }>(
    handle.db,
    sql`select status::text as status, count(*)::int as n,
          extract(epoch from now() - min(created_at) filter (where status = 'pending'))::float8 as oldest
        from outbox_messages group by status`,
  );
  m.outboxDepth.reset();
  for (const status of ['pending', 'sent', 'dead']) m.outboxDepth.set({ status }, outbox.find((r) => r.status === status)?.n ?? 0);
  m.outboxOldestAge.set(Number(outbox.find((r) => r.status === 'pending')?.oldest ?? 0));

  if (handle.kind === 'pglite') {
    for (const state of ['max', 'open', 'active']) m.dbPool.set({ state }, 1);
    return;
  }
  const client = (handle.db as unknown as { $client?: { options?: { max?: number } } }).$client;
  const [pool] = await selectRows<{ open: number; active: number }>(
    handle.db,
    sql`select count(*)::int as open, (count(*) filter (where state = 'active'))::int as active
        from pg_stat_activity where application_name = ${applicationName()} and datname = current_database()`,
  );
  m.dbPool.set({ state: 'max' }, client?.options?.max ?? Number(process.env.DB_POOL_MAX ?? 10));
  m.dbPool.set({ state: 'open' }, pool?.open ?? 0);
  m.dbPool.set({ state: 'active' }, pool?.active ?? 0);
}
