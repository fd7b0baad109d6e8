import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { migrationsFolder, openDb, setDbHandle, type DbHandle } from '@/db/client';

// Each integration test file gets a fresh, migrated database of the kind named by
// TEST_DB: `pglite` (in memory) or `postgres` (a new database on TEST_PG_URL's server,
// dropped afterwards). The handle is installed as the portal's process-wide database,
// so domain functions under test use it exactly as in production.

export const testDbKind = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * Tests that only one database can run, inside a file both databases run. They are registered
 * only in that database's project (integration-pglite / integration-postgres), so the other
 * run neither runs nor counts them: a healthy run reports 0 skipped, and a skip means
 * something. A whole file for one database is named *.pglite.int.test.ts / *.postgres.int.test.ts.
 */
export function onlyOn(kind: 'pglite' | 'postgres', register: () => void): void {
  if (testDbKind === kind) register();
}

export function setupTestDatabase(): { handle: () => DbHandle; url: () => string | undefined } {
  let handle: DbHandle;
  let url: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (testDbKind === 'postgres') {
      const adminUrl = process.env.TEST_PG_URL;
      if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_PG_URL (npm test starts a server and sets it)');
      const { default: postgres } = await import('postgres');
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      const name = `toolaud_test_${randomBytes(6).toString('hex')}`;
      await admin.unsafe(`create database ${name} template ${await postgresTemplate(admin)}`);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      url = u.toString();
      dropDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
      handle = await openDb({ url, migrate: true, poolMax: 20 });
    } else {
      handle = await openDb({ dataDir: 'memory://', migrate: true, pgliteImage: await pgliteImage() });
    }
    setDbHandle(handle);
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await handle?.close();
    await dropDatabase?.();
  });
  return { handle: () => handle, url: () => url };
}

/**
 * A database of its own for one test, of the kind under test (a new PostgreSQL database,
 * dropped by close(), or an in-memory PGlite): not the file's shared one, not installed as
 * the process-wide handle, migrated only when asked.
 */
export async function openFreshDatabase({ migrate = false, poolMax = 2 }: { migrate?: boolean; poolMax?: number } = {}): Promise<{
  handle: DbHandle;
  close: () => Promise<void>;
}> {
  if (testDbKind !== 'postgres') {
    const handle = await openDb({ dataDir: 'memory://', migrate, ...(migrate ? { pgliteImage: await pgliteImage() } : {}) });
    return { handle, close: () => handle.close() };
  }
  const { default: postgres } = await import('postgres');
  const admin = postgres(process.env.TEST_PG_URL!, { max: 1, onnotice: () => {} });
  const name = `toolaud_fresh_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}${migrate ? ` template ${await postgresTemplate(admin)}` : ''}`);
  const url = new URL(process.env.TEST_PG_URL!);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), migrate, poolMax });
  return {
    handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

// Migrating an empty database takes seconds (PGlite: create 2.5 s + migrate 3 s, per file), so
// each kind is migrated once per set of migrations and copied from then on: PGlite from a
// data-directory dump cached on disk, PostgreSQL from a template database on the test server.
// migrate: true still runs on the copy, and finds nothing to do.

/** A fingerprint of the migrations (and the PGlite build that will read a dump of them). */
function migrationsKey(): string {
  const dir = migrationsFolder();
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(path.relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  const pglite = JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(pglite.version);
  return hash.digest('hex').slice(0, 16);
}

let imageOnce: Promise<Blob> | undefined;
async function pgliteImage(): Promise<Blob> {
  imageOnce ??= (async () => {
    const dir = path.join(os.tmpdir(), 'toolaud-test-images');
    const file = path.join(dir, `pglite-${migrationsKey()}.tar`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const fresh = await openDb({ dataDir: 'memory://', migrate: true });
      const client = (fresh.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
      const blob = await client.dumpDataDir('none');
      await fresh.close();
      await mkdir(dir, { recursive: true });
      // Written aside and renamed: a reader in another process never sees half a file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
      await rename(partial, file);
      return blob;
    }
  })();
  return imageOnce;
}

type Admin = { unsafe(sql: string): Promise<unknown[]> };
async function postgresTemplate(admin: Admin): Promise<string> {
  const name = `toolaud_template_${migrationsKey()}`;
  const exists = await admin.unsafe(`select 1 from pg_database where datname = '${name}'`);
  if (exists.length > 0) return name;
  // Built under a name of its own and renamed when complete, so no one copies a half-migrated one.
  const building = `${name}_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${building}`);
  const url = new URL(process.env.TEST_PG_URL!);
  url.pathname = `/${building}`;
  const handle = await openDb({ url: url.toString(), migrate: true, poolMax: 1 });
  await handle.close();
  try {
    await admin.unsafe(`alter database ${building} rename to ${name}`);
  } catch {
    // Another process finished first: theirs is the same.
    await admin.unsafe(`drop database if exists ${building} with (force)`);
  }
  return name;
}
