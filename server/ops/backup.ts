import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb, pgliteExtensions, selectRows, type Db } from '@/db/client';
import { verifyAuditChain } from '@/server/audit/verify';

// Backups of either database, each with a manifest beside it (<file>.json) that says what
// it holds: its SHA-256 (checked before any restore), the migrations, and row counts
// that the restore compares afterwards, together with the audit chain.
//
//   PostgreSQL: pg_dump's custom format (-Fc), restored with pg_restore into an empty
//   database in one transaction. A consistent snapshot of a running database.
//   PGlite: its own data-directory dump (dumpDataDir, a gzipped tar), restored into a new
//   data directory. PGlite is single-process, so the portal must be stopped first.

export type Manifest = {
  format: 'pg_dump-custom' | 'pglite-datadir-tgz';
  createdAt: string;
  sha256: string;
  bytes: number;
  migrations: number;
  counts: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
};

export const COUNTED_TABLES = ['documents', 'attachments', 'attachment_blobs', 'audit_log', 'outbox_messages', 'incidents', 'staff', 'clients'] as const;

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const parts = COUNTED_TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ');
  const [row] = await selectRows<Record<string, number>>(db, sql.raw(`select ${parts}`));
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, Number(row?.[t] ?? 0)]));
}

async function describeDb(db: Db) {
  const counts = await tableCounts(db);
  const [head] = await selectRows<{ seq: number; hash: string }>(db, sql`select seq::int as seq, hash from audit_log order by seq desc limit 1`);
  const [m] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return { counts, auditHead: head ?? null, migrations: m?.n ?? 0 };
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

const manifestPath = (file: string) => `${file}.json`;

async function writeManifest(file: string, format: Manifest['format'], described: Awaited<ReturnType<typeof describeDb>>): Promise<Manifest> {
  const manifest: Manifest = { format, createdAt: new Date().toISOString(), sha256: await sha256File(file), bytes: fs.statSync(file).size, ...described };
  fs.writeFileSync(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(file: string): Manifest {
  const at = manifestPath(file);
  if (!fs.existsSync(at)) throw new Error(`No manifest ${at}: a backup is the file and its manifest together`);
  return JSON.parse(fs.readFileSync(at, 'utf8')) as Manifest;
}

/** pg_dump / pg_restore of the newest installed PostgreSQL (Debian: /usr/lib/postgresql/N/bin), else from PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => fs.existsSync(path.join(base, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin', name);
  }
  return name;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}

export async function backupPostgres(url: string, file: string): Promise<Manifest> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = await openDb({ url, poolMax: 1 });
  try {
    // Counted first: the dump is a later snapshot, so it holds at least these rows.
    const described = await describeDb(handle.db);
    await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', url]);
    return await writeManifest(file, 'pg_dump-custom', described);
  } finally {
    await handle.close();
  }
}

type PgliteLike = { dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob> };

/** Dumps an open PGlite database (the caller holds it; the portal must not). */
export async function backupPgliteDb(db: Db, file: string): Promise<Manifest> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = (db as unknown as { $client: PgliteLike }).$client;
  const described = await describeDb(db);
  const blob = await client.dumpDataDir('gzip');
  fs.writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
  return writeManifest(file, 'pglite-datadir-tgz', described);
}

export async function backupPglite(dataDir: string, file: string): Promise<Manifest> {
  const handle = await openDb({ dataDir });
  try {
    return await backupPgliteDb(handle.db, file);
  } finally {
    await handle.close();
  }
}

export type RestoreReport = { counts: Record<string, number>; auditRows: number };

async function checkRestored(db: Db, manifest: Manifest): Promise<RestoreReport> {
  const counts = await tableCounts(db);
  for (const [table, n] of Object.entries(manifest.counts)) {
    if ((counts[table] ?? 0) < n) throw new Error(`Restored ${table} has ${counts[table]} rows, the backup had at least ${n}`);
  }
  const chain = await verifyAuditChain(db);
  if (!chain.ok) throw new Error(`The restored audit chain is broken at seq ${chain.brokenSeq} (${chain.reason})`);
  if (manifest.auditHead) {
    const [row] = await selectRows<{ hash: string }>(db, sql`select hash from audit_log where seq = ${manifest.auditHead.seq}`);
    if (row?.hash !== manifest.auditHead.hash) throw new Error('The restored audit chain does not reach the backed-up head');
  }
  return { counts, auditRows: chain.rows };
}

async function verifyChecksum(file: string, manifest: Manifest) {
  const actual = await sha256File(file);
  if (actual !== manifest.sha256) throw new Error(`${file} does not match its manifest (SHA-256 ${actual}, expected ${manifest.sha256}): refusing to restore`);
}

/** Restores into an empty PostgreSQL database (refuses one with tables), then checks it. */
export async function restorePostgres(url: string, file: string): Promise<RestoreReport> {
  const manifest = readManifest(file);
  if (manifest.format !== 'pg_dump-custom') throw new Error(`${file} is a ${manifest.format} backup, not PostgreSQL's`);
  await verifyChecksum(file, manifest);
  const probe = await openDb({ url, poolMax: 1 });
  try {
    const [row] = await selectRows<{ n: number }>(
      probe.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
    );
    if ((row?.n ?? 0) > 0) throw new Error('The target database is not empty: restore into a new database (createdb) and switch DATABASE_URL to it');
  } finally {
    await probe.close();
  }
  await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', url, file]);
  const handle = await openDb({ url, poolMax: 2 });
  try {
    return await checkRestored(handle.db, manifest);
  } finally {
    await handle.close();
  }
}

/** Restores into a new PGlite data directory (refuses an existing, non-empty one), then checks it. */
export async function restorePglite(dataDir: string, file: string): Promise<RestoreReport> {
  const manifest = readManifest(file);
  if (manifest.format !== 'pglite-datadir-tgz') throw new Error(`${file} is a ${manifest.format} backup, not PGlite's`);
  await verifyChecksum(file, manifest);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty: restore into a new data directory`);
  const { PGlite } = await import('@electric-sql/pglite');
  const loaded = await PGlite.create(dataDir, { loadDataDir: new Blob([new Uint8Array(fs.readFileSync(file))]), extensions: await pgliteExtensions() });
  await loaded.close();
  const handle = await openDb({ dataDir });
  try {
    return await checkRestored(handle.db, manifest);
  } finally {
    await handle.close();
  }
}
