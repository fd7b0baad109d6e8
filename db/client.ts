import fs from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

// One database module for the whole portal: postgres.js when DATABASE_URL is set,
// embedded PGlite otherwise. Opened lazily (never at import time) so `next build`
// never touches a database, and cached on globalThis so the Next bundle, the
// instrumentation hook and scripts in one process share one handle: two PGlite
// instances on one data directory silently lose writes.

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, as passed to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbKind = 'pglite' | 'postgres';
export type DbHandle = {
  db: Db;
  /** The same database for searches whose best plan depends on their values: see getSearchDb(). */
  searchDb?: Db;
  kind: DbKind;
  url?: string;
  close: () => Promise<void>;
};

type OpenOptions = {
  /** Postgres URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  dataDir?: string;
  /** Apply pending migrations before returning (the portal does; tests choose). */
  migrate?: boolean;
  poolMax?: number;
  /** PGlite only: start from this data-directory dump (`dumpDataDir()`) instead of an empty cluster. */
  pgliteImage?: Blob;
};

const globalKey = Symbol.for('toolaud.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DbHandle> };

export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'db', 'migrations');
}

export function defaultDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), 'data', 'pglite');
}

export function configuredDbKind(): DbKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** The portal's database, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDb({
    url: process.env.DATABASE_URL,
    dataDir: defaultDataDir(),
    migrate: process.env.DB_AUTO_MIGRATE !== '0',
  }).catch((error: unknown) => {
    delete g[globalKey];
    throw error;
  });
  return g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/**
 * The database for a search whose best plan depends on its values (the register search: a
 * client with a few documents wants the client index, a busy filter the date order). On
 * PostgreSQL its statements go unnamed, so each run is planned for its own values: a
 * prepared statement switches to a generic plan after five runs, and the client search then
 * walked the whole registration-date index (40 ms instead of under 1 ms, bench:load). One
 * round trip more per query than getDb(); the same pool.
 */
export async function getSearchDb(): Promise<Db> {
  const handle = await getDbHandle();
  return handle.searchDb ?? handle.db;
}

/** Replace the process-wide handle (tests install a fresh database per file). */
export function setDbHandle(handle: DbHandle | undefined): void {
  const g = globalThis as GlobalWithDb;
  if (handle) g[globalKey] = Promise.resolve(handle);
  else delete g[globalKey];
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  delete g[globalKey];
  if (handle) await (await handle).close();
}

export async function openDb(options: OpenOptions): Promise<DbHandle> {
  const handle = options.url ? await openPostgres(options.url, options.poolMax) : await openPglite(options.dataDir ?? defaultDataDir(), options.pgliteImage);
  if (options.migrate) await runMigrations(handle);
  return handle;
}

async function openPostgres(url: string, poolMax?: number): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { url: connectUrl, host } = socketOf(url);
  const client = postgres(connectUrl, {
    ...(host ? { host } : {}),
    max: poolMax ?? Number(process.env.DB_POOL_MAX ?? 10),
    // While PostgreSQL restarts, a request waits this long for a connection, then fails
    // cleanly instead of hanging for postgres.js's default 30 s.
    connect_timeout: Number(process.env.DB_CONNECT_TIMEOUT ?? 10),
    // postgres.js waits 3^n/100 s (up to 20 s) before reconnecting, n counting every failed
    // attempt of the whole pool: after a restart of a few seconds a query handed to a closed
    // connection sat out that wait, 10-20 s after PostgreSQL was back (bench:load's fault run).
    // Waiting for the server is whilstUnreachable's job; reconnecting stays quick.
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
    // Per instance, so pg_stat_activity shows each instance's pool (the metrics read it).
    connection: { application_name: process.env.INSTANCE_ID ? `toolaud:${process.env.INSTANCE_ID}` : 'toolaud', TimeZone: 'UTC' },
  });
  const prepare = process.env.DB_PREPARE !== '0';
  const db = drizzle(portalClient(client, { prepare, wait: true }), { schema }) as unknown as Db;
  const searchDb = drizzle(portalClient(client, { prepare: false, wait: true }), { schema }) as unknown as Db;
  return { db, searchDb, kind: 'postgres', url, close: () => client.end({ timeout: 5 }) };
}

type Sql = import('postgres').Sql;
type TransactionSql = import('postgres').TransactionSql;

/** Seconds before a closed connection tries again: 0.05, 0.1, 0.2 … at most 1. */
export const reconnectDelaySeconds = (attempt: number) => Math.min(0.025 * 2 ** attempt, 1) * (0.5 + Math.random() / 2);

/**
 * Errors that mean the query never reached PostgreSQL: no server on the socket or port, or
 * a server still starting or already shutting down (57P03, at sign-on). Those are safe to
 * send again. A connection lost under a sent query (CONNECTION_CLOSED, ECONNRESET, 57P01)
 * is not: the statement may have run, so that request fails.
 */
export function neverReachedServer(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ECONNREFUSED' || code === '57P03';
}

/**
 * Runs `send` again while PostgreSQL cannot be reached, for up to DB_UNAVAILABLE_WAIT seconds
 * (default 10) in all: a request that arrives while the server restarts waits for it instead
 * of failing at once. What fails for another reason, or still after that, fails as it is.
 */
export async function whilstUnreachable<T>(
  send: () => Promise<T>,
  mayResend: (error: unknown) => boolean = neverReachedServer,
  waitSeconds = Number(process.env.DB_UNAVAILABLE_WAIT ?? 10),
): Promise<T> {
  const giveUpAt = performance.now() + waitSeconds * 1000;
  for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await send();
    } catch (error) {
      if (!mayResend(error) || performance.now() + pause > giveUpAt) throw error;
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/**
 * The client drizzle is given, one Proxy over postgres.js:
 * - `prepare`: queries go as named prepared statements. postgres.js runs drizzle's queries
 *   unnamed (drizzle asks for a named statement only with .prepare()), and an unnamed query
 *   with parameters takes two round trips: Parse+Describe, wait for the parameter types, then
 *   Bind+Execute. Named, each connection describes a statement once and then sends one
 *   Bind+Execute per query: half the round trips and no re-parsing (BENCHMARKS.md,
 *   bench:load). The set of statements is bounded by the code's query shapes, and postgres.js
 *   retries a statement that a migration invalidated. DB_PREPARE=0 turns it off (for a
 *   transaction-mode pooler such as PgBouncer < 1.21). Transactions hand drizzle a client of
 *   their own, which prepares too.
 * - `wait`: every query and transaction goes through whilstUnreachable. A transaction is sent
 *   again only when its BEGIN never reached the server, i.e. before its callback ran; the
 *   queries inside it are never sent again.
 */
export function portalClient<T extends Sql | TransactionSql>(client: T, { prepare, wait }: { prepare: boolean; wait: boolean }): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) => {
          const send = () => target.unsafe(query, params as never, (prepare ? { ...options, prepare: true } : options) as never);
          if (!wait) return send();
          // drizzle awaits the query or its .values(); postgres.js sends it only then, so each try is a fresh query.
          return {
            then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => whilstUnreachable(() => send()).then(ok, fail),
            values: () => whilstUnreachable(() => send().values()),
          };
        };
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: TransactionSql) => unknown;
          let started = false;
          const run = (tx: TransactionSql) => ((started = true), fn(prepare ? portalClient(tx, { prepare, wait: false }) : tx));
          const call = () => (target as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[key]!(...args, run);
          return wait ? whilstUnreachable(call, (error) => !started && neverReachedServer(error)) : call();
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A Unix-socket directory given as libpq does (`postgres://user@localhost/db?host=/var/run/postgresql`),
 * for a PostgreSQL on the same machine: postgres.js takes it as its `host` option (and would
 * otherwise send `host` to the server as a setting). Over a socket each query costs the
 * portal's CPU far less than over loopback TCP (BENCHMARKS.md, bench:load).
 */
export function socketOf(url: string): { url: string; host: string | null } {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (!host?.startsWith('/')) return { url, host: null };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), host };
}

async function openPglite(dataDir: string, image?: Blob): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const releaseLock = inMemory ? () => {} : acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : dataDir, {
      extensions: await pgliteExtensions(),
      ...(image ? { loadDataDir: image } : {}),
    });
    await client.exec(`SET TIME ZONE 'UTC'`);
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** The PostgreSQL extensions the migrations create (0009: pg_trgm), for every PGlite the portal opens. */
export async function pgliteExtensions() {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { pg_trgm };
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Andmekataloogi ${dataDir} kasutab juba töötav protsess (pid ${pid}). ` + 'PGlite lubab ühe protsessi korraga: peata portaal või kasuta DATABASE_URL-i.',
    );
  }
}

// PGlite gives no error when a second process opens the same directory; it just loses
// writes. A pid lock file makes the second opener (a CLI script, a second portal) stop.
function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function runMigrations(handle: DbHandle): Promise<void> {
  const migrationsDir = migrationsFolder();
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: migrationsDir });
    return;
  }
  // Several instances may start at once: one migrates, the others wait on a session
  // advisory lock, held on a dedicated single connection for the whole run.
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const { url, host } = socketOf(handle.url!);
  const client = postgres(url, { ...(host ? { host } : {}), max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext('toolaud.migrations'))`;
    await migrate(drizzle(client), { migrationsFolder: migrationsDir });
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function appliedMigrationCount(db: Db): Promise<number> {
  const { sql } = await import('drizzle-orm');
  try {
    const rows = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  }
}

/** Raw SQL rows from either driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function selectRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
