import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, holdPublicPage } from './public-cache.mjs';

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
    res.write(
      req.url!.includes('piiratud')
        ? '<div data-toolaud-limited="">liiga palju</div>'
        : req.url!.includes('lai')
          ? '<div data-toolaud-busy="">liiga lai</div>'
          : '<p>Avalik dokumendiregister</p>',
    );
    res.end('</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (fetch would decompress and hide the encoding). */
function raw(pathname: string, headers: Record<string, string>): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${pathname}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

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

  it('are compressed once for a client that takes gzip, with the same ETag, and sent plain to one that does not', async () => {
    const zipped = await raw('/avalik', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.res.headers['content-encoding']).toBe('gzip');
    expect(zipped.res.headers['vary']).toContain('Accept-Encoding');
    expect(Number(zipped.res.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).toString()).toContain('Avalik dokumendiregister');
    const plain = await raw('/avalik', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('Avalik dokumendiregister');
    expect(plain.res.headers.etag).toBe(zipped.res.headers.etag);
    const revalidated = await raw('/avalik', { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.res.headers.etag) });
    expect(revalidated.res.statusCode).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it('read Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000')).toBe(false);
    expect(acceptsGzip('x-gzip-not, deflate')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('answer a page whose search ran past its time limit 503, never cached', async () => {
    const res = await fetch(`${base}/avalik?tekst=lai`);
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('retry-after')).toBe('10');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('leave every other page alone', async () => {
    const res = await fetch(`${base}/dokumendid`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
