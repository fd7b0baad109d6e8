import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdPublicPage } from './public-cache.mjs';

// A stand-in for Next's handler: writes its head, then the page in chunks, with a fresh nonce.
let server: Server;
let base = '';
let n = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    holdPublicPage(req, res);
    const nonce = `n${++n}`;
    const publicPage = req.url!.startsWith('/avalik');
    res.setHeader('cache-control', publicPage ? 'public, max-age=60, stale-while-revalidate=300' : 'no-store');
    res.setHeader('content-security-policy', `script-src 'nonce-${nonce}'`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.flushHeaders();
    res.write(`<html><script nonce="${nonce}">1</script>`);
    res.write(req.url!.includes('piiratud') ? '<div data-toolaud-limited="">liiga palju</div>' : '<p>Avalik dokumendiregister</p>');
    res.end('</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the public register’s pages through the launcher', () => {
  it('get the same ETag whatever their nonce, and a 304 without a body for it', async () => {
    const first = await fetch(`${base}/avalik`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('vary')).toContain('Accept-Language, Cookie');
    expect(await first.text()).toContain('Avalik dokumendiregister');
    const second = await fetch(`${base}/avalik`);
    expect(second.headers.get('etag')).toBe(etag);
    const again = await fetch(`${base}/avalik`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBeNull();
    expect(await again.text()).toBe('');
  });

  it('answer a page refused by the search limit 429, never cached', async () => {
    const res = await fetch(`${base}/avalik?tekst=piiratud`);
    expect(res.status).toBe(429);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('leave every other page alone', async () => {
    const res = await fetch(`${base}/dokumendid`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
