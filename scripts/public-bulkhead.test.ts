import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkheadFromEnv, createBulkhead, isPublicPath, throughBulkhead } from './public-bulkhead.mjs';

describe('the public bulkhead', () => {
  it('lets a few in at a time and the rest in order, as slots are released', async () => {
    const b = createBulkhead({ concurrency: 2, queue: 10, waitMs: 10_000 });
    const first = (await b.acquire())!;
    const second = (await b.acquire())!;
    const order: number[] = [];
    const third = b.acquire().then((r) => (order.push(3), r));
    const fourth = b.acquire().then((r) => (order.push(4), r));
    expect(b.active).toBe(2);
    expect(b.waiting).toBe(2);
    first();
    first(); // a second release of the same slot changes nothing
    await third;
    expect(order).toEqual([3]);
    second();
    await fourth;
    expect(order).toEqual([3, 4]);
    expect(b.waiting).toBe(0);
    (await third)!();
    (await fourth)!();
    expect(b.active).toBe(0);
  });

  it('refuses when the line is full, and whoever waited too long', async () => {
    const b = createBulkhead({ concurrency: 1, queue: 1, waitMs: 30 });
    const held = (await b.acquire())!;
    const waiting = b.acquire();
    expect(await b.acquire()).toBeNull(); // the line is full
    expect(await waiting).toBeNull(); // and the one in it gave up after 30 ms
    expect(b.waiting).toBe(0);
    held();
    expect(b.active).toBe(0);
  });

  it('knows the public paths and reads its settings from the environment', () => {
    for (const p of ['/avalik', '/avalik/1-1/5', '/avalik/andmed.csv', '/kontrolli']) expect(isPublicPath(p)).toBe(true);
    for (const p of ['/', '/dokumendid', '/avalikud', '/api/health/ready', '/_next/static/x.js']) expect(isPublicPath(p)).toBe(false);
    const b = bulkheadFromEnv({ PUBLIC_CONCURRENCY: '1', PUBLIC_QUEUE: 'x' });
    expect(b.active).toBe(0);
  });
});

describe('an instance behind the bulkhead', () => {
  let server: Server;
  let base = '';
  const pending: (() => void)[] = [];
  beforeAll(async () => {
    const bulkhead = createBulkhead({ concurrency: 1, queue: 1, waitMs: 5_000 });
    server = createServer((req, res) =>
      throughBulkhead(bulkhead, req, res, () => {
        // A public page that takes until the test lets it finish; anything else at once.
        if (req.url!.startsWith('/avalik')) pending.push(() => res.end('avalik'));
        else res.end('staff');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves staff pages while public ones wait, and answers 503 to the public beyond its line', async () => {
    const first = fetch(`${base}/avalik?a`);
    const second = fetch(`${base}/avalik?b`);
    await expect.poll(() => pending.length).toBe(1);
    // The staff page does not wait behind the public ones.
    expect(await (await fetch(`${base}/dokumendid`)).text()).toBe('staff');
    const third = await fetch(`${base}/avalik?c`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(third.headers.get('cache-control')).toBe('no-store');
    expect(await third.text()).toContain('Teenus on hetkel ülekoormatud');
    pending.shift()!();
    expect(await (await first).text()).toBe('avalik');
    await expect.poll(() => pending.length).toBe(1);
    pending.shift()!();
    expect(await (await second).text()).toBe('avalik');
  });
});
