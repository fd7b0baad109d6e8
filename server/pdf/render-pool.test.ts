import { afterEach, describe, expect, it, vi } from 'vitest';
import { getTemplate, TEMPLATE_IDS } from '@/templates/registry';
import { pdfText } from '@/test/pdf';
import { RenderPool } from './render-pool';

// Worker start-up and font parsing take seconds on a busy machine; these are ceilings, not timings.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// The worker is replaced after maxRenders documents (react-pdf leaks per render, so a day of
// issuing must not grow one process). Whether memory stays flat is measured by the benchmark
// (npm run bench:pdf); here: the replacement happens, and nothing is lost or broken by it.

const data = getTemplate('certified-copy')!.schema.parse(getTemplate('certified-copy')!.sample);
const ctx = (n: number) => ({
  registration: { registrationNumber: `2-1/${n}`, registeredAt: new Date('2026-11-20T09:30:00Z'), verificationCode: 'K7QF3M9XTRF', verificationUrl: null },
  watermark: null,
  sealed: false,
});

let pool: RenderPool | undefined;
afterEach(async () => {
  await pool?.close();
});

describe('render pool', () => {
  it('replaces the worker after maxRenders documents, and every document is still right', async () => {
    pool = new RenderPool({ root: process.cwd(), maxRenders: 3, renderTimeoutMs: 60_000, warmup: false });
    const generations: number[] = [];
    for (let n = 1; n <= 8; n++) {
      const bytes = await pool.render('certified-copy', data, ctx(n));
      generations.push(pool.generation);
      expect(pdfText(bytes)).toContain(`nr 2-1/${n} `);
    }
    expect(generations).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    const stats = await pool.stats();
    expect(stats).toMatchObject({ generation: 3, renders: 2, warmupRenders: 0 });
    expect(stats.rss).toBeGreaterThan(0);
  });

  it('renders documents sent at once, across a replacement, each with its own data', async () => {
    pool = new RenderPool({ root: process.cwd(), maxRenders: 4, renderTimeoutMs: 60_000, warmup: false });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => pool!.render('certified-copy', data, ctx(100 + i))));
    results.forEach((bytes, i) => expect(pdfText(bytes)).toContain(`nr 2-1/${100 + i} `));
    expect(pool.generation).toBe(3);
  });

  it('recovers when the worker dies: the next document gets a new worker', async () => {
    pool = new RenderPool({ root: process.cwd(), maxRenders: 100, renderTimeoutMs: 60_000, warmup: false });
    await pool.render('certified-copy', data, ctx(1));
    const first = pool.generation;
    await (pool as unknown as { active: { worker: { terminate(): Promise<number> } } }).active.worker.terminate();
    const bytes = await pool.render('certified-copy', data, ctx(2));
    expect(pdfText(bytes)).toContain('nr 2-1/2 ');
    expect(pool.generation).toBe(first + 1);
  });

  it('reports a failing render as an error and keeps serving', async () => {
    pool = new RenderPool({ root: process.cwd(), maxRenders: 100, renderTimeoutMs: 60_000, warmup: false });
    await expect(pool.render('certified-copy', { broken: true }, ctx(1))).rejects.toThrow(/PDF render failed/);
    expect(pdfText(await pool.render('certified-copy', data, ctx(2)))).toContain('nr 2-1/2 ');
  });

  it('warms a new worker up before it takes documents', async () => {
    pool = new RenderPool({ root: process.cwd(), maxRenders: 100, renderTimeoutMs: 60_000, warmup: true });
    await pool.render('certified-copy', data, ctx(1));
    // Warm-up renders every template once before the first document is accepted.
    expect(await pool.stats()).toMatchObject({ renders: 1, warmupRenders: TEMPLATE_IDS.length });
  });
});
