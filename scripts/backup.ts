// `npm run backup [-- <file>]`: a backup of the configured database with its manifest.
// PostgreSQL (DATABASE_URL): pg_dump custom format, safe while the portal runs.
// PGlite (PGLITE_DATA_DIR): its data-directory dump; stop the portal first.
import path from 'node:path';
import { configuredDbKind, defaultDataDir } from '../db/client';
import { backupPglite, backupPostgres } from '../server/ops/backup';

const kind = configuredDbKind();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = process.argv[2] ?? path.join('backups', `toolaud-${kind}-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`);
try {
  const manifest = kind === 'postgres' ? await backupPostgres(process.env.DATABASE_URL!, file) : await backupPglite(defaultDataDir(), file);
  console.log(`Backup written: ${file} (${(manifest.bytes / 1024 / 1024).toFixed(1)} MB, SHA-256 ${manifest.sha256}); manifest ${file}.json`);
  console.log(
    Object.entries(manifest.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', '),
  );
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
