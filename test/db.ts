import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { openDb, setDbHandle, type DbHandle } from '@/db/client';

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
      await admin.unsafe(`create database ${name}`);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      url = u.toString();
      dropDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
      handle = await openDb({ url, migrate: true, poolMax: 20 });
    } else {
      handle = await openDb({ dataDir: 'memory://', migrate: true });
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
    const handle = await openDb({ dataDir: 'memory://', migrate });
    return { handle, close: () => handle.close() };
  }
  const { default: postgres } = await import('postgres');
  const admin = postgres(process.env.TEST_PG_URL!, { max: 1, onnotice: () => {} });
  const name = `toolaud_fresh_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
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
