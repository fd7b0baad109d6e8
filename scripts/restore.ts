// `npm run restore -- <file>`: restores a backup made by `npm run backup` into an EMPTY
// database (DATABASE_URL: a new PostgreSQL database; else a new PGLITE_DATA_DIR), then
// checks it: row counts at least as in the manifest, and the audit chain verifies up to
// the backed-up head. Point the portal at the restored database afterwards.
import { configuredDbKind, defaultDataDir } from '../db/client';
import { restorePglite, restorePostgres } from '../server/ops/backup';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <backup file>  (into an empty DATABASE_URL database or a new PGLITE_DATA_DIR)');
  process.exit(2);
}
try {
  const report = configuredDbKind() === 'postgres' ? await restorePostgres(process.env.DATABASE_URL!, file) : await restorePglite(defaultDataDir(), file);
  console.log(`Restored ${file}: audit chain of ${report.auditRows} rows verifies.`);
  console.log(
    Object.entries(report.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', '),
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
