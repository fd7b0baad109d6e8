// `npm run bench:pdf`: how fast the document engine renders, whether its memory stays flat,
// and how that compares with LibreOffice filling the same certificate. A benchmark,
// not a test: it prints figures (and a Markdown block for BENCHMARKS.md) and asserts nothing.
//
//   npm run bench:pdf -- [--renders=200] [--cold=20] [--memory=2000] [--lo-single=10] [--lo-batch=20] [--no-lo]
//
// Cold: the first render in a freshly started worker (font parsing, first compilation), after
// the worker has loaded its modules (the start-up is reported apart). Warm: renders 21… of one
// worker. Memory: the worker's heap and the process RSS after garbage collection, over
// --memory renders without recycling (the leak react-pdf has) and with the portal's recycling.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RenderPool } from '../server/pdf/render-pool';
import { readPkcs12, sealPdf } from '../server/pdf/seal';
import { createDevelopmentSeal } from '../server/pdf/seal';
import { TEMPLATES, type TemplateId } from '../templates/registry';
import { initialTexts, type DocumentTexts } from '../templates/shared/texts';
import type { RenderContext } from '../templates/shared/types';
import { TEXT_SPECS } from '../templates/texts';
import { certificateFodt } from './bench-pdf-fodt';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const RENDERS = arg('renders', 200);
const COLD = arg('cold', 20);
const MEMORY = arg('memory', 2000);
const LO_SINGLE = arg('lo-single', 10);
const LO_BATCH = arg('lo-batch', 20);
const WITH_LO = !process.argv.includes('--no-lo');
const root = process.cwd();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const now = () => performance.now();

// Each render carries its template's texts as issuing passes them (the parsed version in force,
// from the per-process cache), so the figures include mapping the blocks and sending them.
const ctx = (n: number, texts?: DocumentTexts): RenderContext => ({
  registration: {
    registrationNumber: `2-1/${1000 + n}`,
    registeredAt: new Date(),
    verificationCode: 'K7QF3M9XTRF',
    verificationUrl: 'https://toolaud.sotsiaalkindlustusamet.ee/kontrolli?kood=K7QF-3M9X-TRF',
  },
  watermark: null,
  sealed: true,
  ...(texts ? { texts } : {}),
});
const templates = TEMPLATES.map((t) => ({
  id: t.meta.id as TemplateId,
  data: t.schema.parse(t.sample),
  texts: initialTexts(TEXT_SPECS[t.meta.id as TemplateId]),
}));
const certificate = templates.find((t) => t.id === 'benefit-certificate')!;

function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout.trim();
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    nproc: os.availableParallelism(),
    free,
    node: process.version,
    load: () =>
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
  };
}

async function coldAndWarm() {
  const rows: { id: string; coldP50: number; coldP95: number; warmP50: number; warmP95: number; bytes: number }[] = [];
  const starts: number[] = [];
  for (const t of templates) {
    const cold: number[] = [];
    for (let i = 0; i < COLD; i++) {
      const pool = new RenderPool({ root, maxRenders: 10_000, renderTimeoutMs: 120_000, warmup: false });
      const s0 = now();
      await pool.start();
      starts.push(now() - s0);
      const t0 = now();
      await pool.render(t.id, t.data, ctx(i, t.texts));
      cold.push(now() - t0);
      await pool.close();
    }
    const pool = new RenderPool({ root, maxRenders: 10_000, renderTimeoutMs: 120_000, warmup: false });
    for (let i = 0; i < 20; i++) await pool.render(t.id, t.data, ctx(i, t.texts));
    const warm: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RENDERS; i++) {
      const t0 = now();
      const pdf = await pool.render(t.id, t.data, ctx(i, t.texts));
      warm.push(now() - t0);
      bytes = pdf.length;
    }
    await pool.close();
    rows.push({ id: t.id, coldP50: percentile(cold, 50), coldP95: percentile(cold, 95), warmP50: percentile(warm, 50), warmP95: percentile(warm, 95), bytes });
    console.log(
      `  ${t.id}: cold p50 ${ms(percentile(cold, 50))} p95 ${ms(percentile(cold, 95))}; warm p50 ${ms(percentile(warm, 50))} p95 ${ms(percentile(warm, 95))}`,
    );
  }
  return { rows, workerStartP50: percentile(starts, 50), workerStartP95: percentile(starts, 95) };
}

async function sealTimes() {
  const { p12, password } = createDevelopmentSeal();
  const seal = { ...readPkcs12(p12, password), source: 'development' as const };
  const pool = new RenderPool({ root, maxRenders: 10_000, renderTimeoutMs: 120_000, warmup: true });
  const pdf = await pool.render(certificate.id, certificate.data, ctx(0, certificate.texts));
  await pool.close();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) await sealPdf(pdf, seal);
  for (let i = 0; i < RENDERS; i++) {
    const t0 = now();
    await sealPdf(pdf, seal);
    times.push(now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function memory(maxRenders: number) {
  const pool = new RenderPool({ root, maxRenders, renderTimeoutMs: 120_000, warmup: true });
  await pool.start();
  const checkpoints = new Set([0, 100, 500, 1000, 1500, MEMORY]);
  const samples: { renders: number; heapUsed: number; rss: number; generation: number }[] = [];
  for (let n = 0; n <= MEMORY; n++) {
    if (checkpoints.has(n)) {
      const stats = await pool.stats({ gc: true });
      samples.push({ renders: n, heapUsed: stats.heapUsed, rss: stats.rss, generation: stats.generation });
    }
    if (n < MEMORY) {
      const t = templates[n % templates.length]!;
      await pool.render(t.id, t.data, ctx(n, t.texts));
    }
  }
  await pool.close();
  return samples;
}

function libreOffice() {
  if (!fs.existsSync('/usr/bin/soffice')) {
    console.log('  soffice not found: apt-get install -y --no-install-recommends libreoffice-writer-nogui');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-lo-'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const profile = `file://${path.join(dir, 'profile')}`;
  const files = Array.from({ length: Math.max(LO_SINGLE, LO_BATCH) }, (_, i) => {
    const file = path.join(dir, `certificate-${i}.fodt`);
    fs.writeFileSync(file, certificateFodt(certificate.data as never, { registrationNumber: `2-1/${2000 + i}`, registeredAt: new Date() }));
    return file;
  });
  const soffice = (inputs: string[]) => {
    const t0 = now();
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'out'), ...inputs], {
      env: { ...process.env, HOME: home },
      stdio: 'ignore',
    });
    return now() - t0;
  };
  soffice([files[0]!]); // first start creates the profile: not counted
  const single: number[] = [];
  for (let i = 0; i < LO_SINGLE; i++) single.push(soffice([files[i]!]));
  const batches: number[] = [];
  for (let i = 0; i < 3; i++) batches.push(soffice(files.slice(0, LO_BATCH)) / LO_BATCH);
  const converted = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.pdf')).length;
  fs.rmSync(dir, { recursive: true, force: true });
  return { singleP50: percentile(single, 50), singleP95: percentile(single, 95), batchPerDocument: percentile(batches, 50), converted };
}

const m = machine();
console.log(`PDF benchmark ${m.date} · ${m.cpu} · ${m.nproc} CPUs · Node ${m.node} · load ${m.load()}`);
console.log(`\nRender (${COLD} cold starts, ${RENDERS} warm renders per template):`);
const renders = await coldAndWarm();
console.log(`  worker start (modules loaded through tsx): p50 ${ms(renders.workerStartP50)} p95 ${ms(renders.workerStartP95)}`);
console.log(`\nSeal (PAdES, development RSA-3072 seal, ${RENDERS} seals of the certificate):`);
const seal = await sealTimes();
console.log(`  p50 ${ms(seal.p50)} p95 ${ms(seal.p95)}`);
console.log(`\nMemory over ${MEMORY} renders, all templates in turn:`);
const leak = await memory(MEMORY + 1);
const recycled = await memory(500);
for (const [name, samples] of [
  ['one worker, never replaced', leak],
  ['replaced every 500 renders', recycled],
] as const) {
  console.log(`  ${name}:`);
  for (const s of samples)
    console.log(`    after ${String(s.renders).padStart(4)}: heap ${mib(s.heapUsed)}, process RSS ${mib(s.rss)} (worker ${s.generation})`);
}
const leakPerRender = (leak.at(-1)!.heapUsed - leak[1]!.heapUsed) / (MEMORY - 100);
console.log(`  heap growth without replacement: ${(leakPerRender / 1024).toFixed(1)} KB per render`);

let lo: ReturnType<typeof libreOffice> = null;
if (WITH_LO) {
  console.log(
    `\nLibreOffice ${spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ')} (same certificate as .fodt):`,
  );
  lo = libreOffice();
  if (lo)
    console.log(`  one call per document: p50 ${ms(lo.singleP50)} p95 ${ms(lo.singleP95)}; one call with ${LO_BATCH}: ${ms(lo.batchPerDocument)} per document`);
}

const cert = renders.rows.find((r) => r.id === 'benefit-certificate')!;
console.log(`\nload at the end: ${m.load()}`);
console.log('\n--- Markdown for BENCHMARKS.md ---\n');
console.log(`Run ${m.date}: ${m.cpu}, \`nproc\` ${m.nproc}, Node ${m.node}. \`free -h\`:\n\n\`\`\`\n${m.free}\n\`\`\`\n`);
console.log('| template | cold p50 | cold p95 | warm p50 | warm p95 | PDF size |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of renders.rows)
  console.log(`| ${r.id} | ${ms(r.coldP50)} | ${ms(r.coldP95)} | ${ms(r.warmP50)} | ${ms(r.warmP95)} | ${(r.bytes / 1024).toFixed(0)} KB |`);
console.log(`\nWorker start p50 ${ms(renders.workerStartP50)}, p95 ${ms(renders.workerStartP95)}. Sealing p50 ${ms(seal.p50)}, p95 ${ms(seal.p95)}.`);
console.log(`\n| memory after renders | ${leak.map((s) => s.renders).join(' | ')} |\n| --- | ${leak.map(() => '---:').join(' | ')} |`);
console.log(`| heap, never replaced | ${leak.map((s) => mib(s.heapUsed)).join(' | ')} |`);
console.log(`| heap, replaced every 500 | ${recycled.map((s) => mib(s.heapUsed)).join(' | ')} |`);
console.log(`| RSS, never replaced | ${leak.map((s) => mib(s.rss)).join(' | ')} |`);
console.log(`| RSS, replaced every 500 | ${recycled.map((s) => mib(s.rss)).join(' | ')} |`);
if (lo) {
  console.log(`\n| certificate | per document | react-pdf warm p50 is faster by |\n| --- | ---: | ---: |`);
  console.log(`| react-pdf, warm p50 | ${ms(cert.warmP50)} | — |`);
  console.log(`| LibreOffice, one call per document (p50) | ${ms(lo.singleP50)} | ${(lo.singleP50 / cert.warmP50).toFixed(0)}× |`);
  console.log(`| LibreOffice, one warm call with ${LO_BATCH} documents | ${ms(lo.batchPerDocument)} | ${(lo.batchPerDocument / cert.warmP50).toFixed(1)}× |`);
}
process.exit(0);
