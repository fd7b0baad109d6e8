// npx tsx scripts/bench-issuing.ts — the time to issue one document: render + seal
// + register + store, i.e. issueDocument end to end, p50/p95 over BENCH_ISSUES (50) issues
// after 10 warm-up issues, with the development e-seal. On PostgreSQL when BENCH_DATABASE_URL
// is set (a new database is created there), else on PGlite in memory. A benchmark, not a test.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { clients, staff } from '../db/schema';
import { issueDocument } from '../server/issuing/mutations';
import { getRenderPool, newVerificationCode, produceDocument } from '../server/pdf';
import { benchDatabase } from './bench-database';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 50);
const sealDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-bench-issuing-'));
process.env.SEAL_DEVELOPMENT = '1';
process.env.SEAL_DEVELOPMENT_DIR = path.join(sealDir, 'dev-seal');

const { handle, drop } = await benchDatabase(4);
const [row] = await handle.db.select().from(staff).where(eq(staff.personalCode, '47805122004'));
const actor = { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
const [client] = await handle.db.select().from(clients).where(eq(clients.personalCode, '60001019906'));
const data = {
  language: 'et',
  client: { name: 'Mary Änn O’Connež-Šuslik', personalCode: '60001019906', address: 'Tartu mnt 1\n10115 Tallinn' },
  benefitKind: 'old-age-pension',
  periodStart: '2024-04-01',
  periodEnd: '',
  monthlyAmountCents: 123456,
  purpose: 'Tallinna Linnavalitsusele',
  signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: '', phone: '' },
};
const issueOnce = async () => {
  const t = performance.now();
  await issueDocument(
    actor,
    { templateId: 'benefit-certificate', data, method: 'handed_over', clientId: client!.id, fromDocumentId: '', submissionId: randomUUID() },
    { requestId: 'bench' },
  );
  return performance.now() - t;
};
for (let i = 0; i < 10; i++) await issueOnce();
const times: number[] = [];
for (let i = 0; i < ISSUES; i++) times.push(await issueOnce());
// The same render + seal alone, interleaved in the same run, to show what registering and storing add.
const alone: number[] = [];
for (let i = 0; i < ISSUES; i++) {
  const t = performance.now();
  await produceDocument({
    templateId: 'benefit-certificate',
    data,
    registration: { registrationNumber: '4-1/1', registeredAt: new Date(), verificationCode: newVerificationCode() },
  });
  alone.push(performance.now() - t);
}
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (v: number) => (v < 100 ? v.toFixed(1) : v.toFixed(0));
const db = process.env.BENCH_DATABASE_URL ? 'PostgreSQL 15' : 'PGlite';
console.log(
  `| issuing a certificate (render + seal + register + store), ${db}, ${ISSUES} issues | p50 ${ms(pct(times, 50))} ms | p95 ${ms(pct(times, 95))} ms |`,
);
console.log(`| render + seal alone, same run | p50 ${ms(pct(alone, 50))} ms | p95 ${ms(pct(alone, 95))} ms |`);
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
