// The public register's pages through the launcher (scripts/start.mjs): a page that may be
// cached (Cache-Control: public, from proxy.ts) is held until it is complete, so that it gets
// a strong ETag (the same page gives the same tag on every instance) and a repeated request
// with If-None-Match is answered 304 without its body. The CSP nonce, fresh in every
// response, is left out of the hash: a 304 keeps the cached page with its own nonce and CSP.
// A page that was refused by the search limit carries a marker and is answered 429, no-store,
// so that no cache keeps the refusal for others; one whose search ran past its time limit,
// 503 in the same way. A client that accepts gzip gets the page
// compressed here, once: nginx asks for gzip on these pages and keeps the compressed bytes,
// so a cache hit is sent as stored instead of being compressed again for every visitor (and
// nginx's gunzip serves the rare client that takes no gzip).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const LIMITED_MARKER = 'data-toolaud-limited';
export const BUSY_MARKER = 'data-toolaud-busy';

const isCacheable = (pathname) => pathname === '/avalik' || pathname.startsWith('/avalik/');

/** The ETag of a page: its bytes with every nonce value removed. */
export function pageEtag(body) {
  const stable = body.toString('latin1').replace(/nonce="[^"]*"/g, 'nonce=""');
  return `"${createHash('sha256').update(stable, 'latin1').digest('base64url').slice(0, 27)}"`;
}

/** Whether Accept-Encoding takes gzip (listed, and not with q=0). */
export function acceptsGzip(header) {
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

const matches = (ifNoneMatch, etag) => typeof ifNoneMatch === 'string' && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

export function holdPublicPage(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const pathname = (req.url ?? '/').split('?')[0];
  if (!isCacheable(pathname)) return;
  const chunks = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let head = null;
  const chunkOf = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
  // Next flushes the head before its first chunk: held too, until the page is complete.
  res.flushHeaders = function () {};
  res.writeHead = function (status, ...rest) {
    head = { status, headers: rest.find((r) => r && typeof r === 'object') ?? null };
    return res;
  };
  res.write = function (chunk, encoding, callback) {
    if (chunk != null) chunks.push(chunkOf(chunk, encoding));
    const cb = typeof encoding === 'function' ? encoding : callback;
    if (cb) process.nextTick(cb);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    else if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    if (chunk != null) chunks.push(chunkOf(chunk, encoding));
    Object.assign(res, original);
    if (head) {
      res.statusCode = head.status;
      const h = head.headers;
      if (Array.isArray(h)) for (let i = 0; i + 1 < h.length; i += 2) res.setHeader(h[i], h[i + 1]);
      else if (h) for (const [k, v] of Object.entries(h)) if (v !== undefined) res.setHeader(k, v);
    }
    let body = Buffer.concat(chunks);
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    if (res.statusCode === 200 && cacheControl.startsWith('public') && !res.getHeader('etag')) {
      if (body.includes(LIMITED_MARKER) || body.includes(BUSY_MARKER)) {
        // Refused by the search limit (429), or a search past its time limit (503): about
        // this moment, not the address, so no cache may keep it.
        const limited = body.includes(LIMITED_MARKER);
        res.statusCode = limited ? 429 : 503;
        res.setHeader('cache-control', 'no-store');
        res.setHeader('retry-after', limited ? '60' : '10');
      } else {
        const etag = pageEtag(body);
        res.setHeader('etag', etag);
        // The page's language follows the switch's cookie or Accept-Language (Next sets its own Vary).
        const vary = String(res.getHeader('vary') ?? '');
        res.setHeader('vary', vary ? `${vary}, Accept-Language, Cookie, Accept-Encoding` : 'Accept-Language, Cookie, Accept-Encoding');
        if (matches(req.headers['if-none-match'], etag)) {
          res.statusCode = 304;
          for (const name of ['content-length', 'content-type', 'content-security-policy', 'transfer-encoding']) res.removeHeader(name);
          body = Buffer.alloc(0);
        } else if (!res.getHeader('content-encoding') && acceptsGzip(req.headers['accept-encoding'])) {
          body = gzipSync(body, { level: 6 });
          res.setHeader('content-encoding', 'gzip');
          res.removeHeader('transfer-encoding');
          res.setHeader('content-length', body.length);
        }
      }
    }
    if (res.getHeader('content-length') !== undefined && res.statusCode !== 304) res.setHeader('content-length', body.length);
    return body.length ? res.end(body, callback) : res.end(callback);
  };
}
