// npx tsx scripts/bench-bulk.ts — throughput of a bulk run of notices: a CSV of
// BENCH_BULK_ROWS (100) clients checked and stored, then issued by the background runner
// (server/bulk/runner.ts) row by row, each registered, rendered, sealed (development seal)
// and stored in its own transaction. With BENCH_BULK_RUNNERS (1) runners at once. On
// PostgreSQL when BENCH_DATABASE_URL is set (a new database is created there), else on
// PGlite in memory. A benchmark, not a test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { staff } from '../db/schema';
import { makePersonalCode } from '../lib/personal-code';
import { startBulkRun, uploadBulkRun } from '../server/bulk/mutations';
import { processBulkRuns } from '../server/bulk/runner';
import { getRenderPool } from '../server/pdf';
import { benchDatabase } from './bench-database';

const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 100);
const RUNNERS = Number(process.env.BENCH_BULK_RUNNERS ?? 1);
const sealDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-bench-bulk-'));
process.env.SEAL_DEVELOPMENT = '1';
process.env.SEAL_DEVELOPMENT_DIR = path.join(sealDir, 'dev-seal');

const { handle, drop } = await benchDatabase(4 + RUNNERS);
const [row] = await handle.db.select().from(staff).where(eq(staff.personalCode, '47805122004'));
const actor = { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode, regionCode: row!.regionCode };
const ctx = { requestId: 'bench' };

const csv = (n: number, from: number) =>
  '\uFEFFisikukood;nimi;aadress;taotlus;taotluse number;taotlus saabunud;dokumendid;tähtaeg;märkus\r\n' +
  Array.from(
    { length: n },
    (_, i) =>
      `${makePersonalCode(`19${50 + ((from + i) % 40)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'male' : 'female', from + i)};Klient Õunapuu;Jõe tn 9-3, 80010 Pärnu;vanaduspensioni taotlus;2-1/${i};12.11.2026;Pangakonto andmed;14.12.2026;`,
  ).join('\r\n');

async function run(n: number, from: number) {
  const t0 = performance.now();
  const uploaded = await uploadBulkRun(
    actor,
    { templateId: 'missing-documents-notice', method: 'post', fileName: 'bench.csv', bytes: new TextEncoder().encode(csv(n, from)) },
    ctx,
  );
  if (!uploaded.valid) throw new Error(JSON.stringify(uploaded).slice(0, 500));
  const checked = performance.now() - t0;
  await startBulkRun(actor, uploaded.runId, ctx);
  const t1 = performance.now();
  const results = await Promise.all(Array.from({ length: RUNNERS }, () => processBulkRuns({ db: handle.db, budgetMs: 600_000 })));
  const issued = results.reduce((s, r) => s + r.issued, 0);
  if (issued !== n) throw new Error(`issued ${issued} of ${n}`);
  return { checked, issuing: performance.now() - t1 };
}

await run(10, 0); // warm-up: the render worker, the seal, the caches
const { checked, issuing } = await run(ROWS, 500);
const db = process.env.BENCH_DATABASE_URL ? 'PostgreSQL 15' : 'PGlite';
console.log(
  `| bulk run of ${ROWS} missing-documents notices, ${db}, ${RUNNERS} runner(s) | file checked and stored in ${checked.toFixed(0)} ms | issued in ${(issuing / 1000).toFixed(1)} s = ${((ROWS * 1000) / issuing).toFixed(1)} documents/s (${(issuing / ROWS).toFixed(0)} ms each) |`,
);
console.log(
  `load average during the run: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
await getRenderPool().close?.();
await handle.close();
await drop();
fs.rmSync(sealDir, { recursive: true, force: true });
process.exit(0);
