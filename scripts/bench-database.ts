// The database a benchmark runs on: a throw-away database on BENCH_DATABASE_URL's server
// (PostgreSQL) when set, else an in-memory PGlite; migrated, seeded, and set as the
// process's handle. `drop` removes the PostgreSQL database afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDb, setDbHandle } from '../db/client';
import { seedDemo } from '../db/seed/seed';

export async function benchDatabase(poolMax: number) {
  let url: string | undefined;
  let drop = async () => {};
  if (process.env.BENCH_DATABASE_URL) {
    const admin = postgres(process.env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
    const name = `toolaud_bench_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    const u = new URL(process.env.BENCH_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const handle = url ? await openDb({ url, migrate: true, poolMax }) : await openDb({ dataDir: 'memory://', migrate: true });
  setDbHandle(handle);
  await seedDemo(handle.db);
  return { handle, drop };
}
