import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { appliedMigrationCount, getDbHandle, migrationsFolder, selectRows, type DbKind } from '@/db/client';
import { readAuthConfig } from '@/server/auth/config';

// Liveness says the process answers (restart it if not); readiness says this instance
// can do useful work now (send it traffic only if so): the authentication settings are
// sound, the database answers, every migration this build knows is applied, and the
// outbox is not piling up (a stopped or failing worker). Readiness is for the load
// balancer's and the monitoring's eyes; it names problems but never a secret.

export type Readiness = {
  status: 'ok' | 'auth-misconfigured' | 'database-unavailable' | 'migrations-pending' | 'outbox-backlog';
  ok: boolean;
  database?: DbKind;
  migrations?: number;
  migrationsExpected?: number;
  auth: 'ok' | string[];
  outbox?: { due: number; oldestDueSeconds: number };
};

const num = (v: string | undefined, fallback: number) => (v && Number(v) > 0 ? Number(v) : fallback);

export function expectedMigrationCount(): number {
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    return journal.entries.length;
  } catch {
    return 0;
  }
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

export async function checkReadiness(env: Record<string, string | undefined> = process.env): Promise<Readiness> {
  const authStatus = readAuthConfig(env as NodeJS.ProcessEnv);
  const auth: Readiness['auth'] = authStatus.ok ? 'ok' : authStatus.problems;
  const timeoutMs = num(env.HEALTH_DB_TIMEOUT_MS, 2000);
  let kind: DbKind;
  let migrations: number;
  let outbox: { due: number; oldestDueSeconds: number };
  try {
    const handle = await within(timeoutMs, getDbHandle());
    kind = handle.kind;
    migrations = await within(timeoutMs, appliedMigrationCount(handle.db));
    const [row] = await within(
      timeoutMs,
      selectRows<{ due: number; oldest: number | null }>(
        handle.db,
        sql`select count(*)::int as due, extract(epoch from now() - min(next_attempt_at))::float8 as oldest
            from outbox_messages where status = 'pending' and next_attempt_at <= now()`,
      ),
    );
    outbox = { due: row?.due ?? 0, oldestDueSeconds: Math.max(0, Math.round(Number(row?.oldest ?? 0))) };
  } catch {
    return { status: 'database-unavailable', ok: false, auth };
  }
  const expected = expectedMigrationCount();
  const base = { database: kind, migrations, migrationsExpected: expected, auth, outbox };
  if (auth !== 'ok') return { status: 'auth-misconfigured', ok: false, ...base };
  if (migrations < expected) return { status: 'migrations-pending', ok: false, ...base };
  if (outbox.due > num(env.HEALTH_OUTBOX_MAX_DUE, 500) || outbox.oldestDueSeconds > num(env.HEALTH_OUTBOX_MAX_AGE_SECONDS, 900)) {
    return { status: 'outbox-backlog', ok: false, ...base };
  }
  return { status: 'ok', ok: true, ...base };
}
