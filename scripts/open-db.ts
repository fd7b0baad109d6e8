import { configuredDbKind, defaultDataDir, openDb, type DbHandle } from '../db/client';

/** Opens the configured database for a CLI script (PGlite refuses a directory a running portal holds). */
export async function openScriptDb(migrate: boolean): Promise<DbHandle> {
  try {
    return await openDb({ url: process.env.DATABASE_URL, dataDir: defaultDataDir(), migrate, poolMax: 4 });
  } catch (error) {
    console.error(`${(error as Error).message}`);
    process.exit(2);
  }
}

export const describeDb = () => (configuredDbKind() === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${defaultDataDir()})`);
