// `npm start`: the portal in production, one instance of several behind nginx
// (deploy/nginx). Next's request handler inside a small HTTP server of our own, which
// does what `next start` cannot:
//   - refuses to start on configuration unfit for production (server/ops/production-config.ts);
//   - establishes the client address and host: X-Real-IP, X-Forwarded-* and Host only from
//     a trusted proxy, otherwise the peer and NEXTAUTH_URL's host (server/ops/proxy-headers.ts);
//     strips x-middleware-subrequest (published middleware-bypass advisories) and any
//     client-sent copy of our internal headers;
//   - gives every request an id (x-request-id, kept from nginx when well-formed) and a
//     log context, and answers with x-toolaud-instance (which instance served it);
//   - times every request into the route-latency histogram, labelled by route pattern;
//   - gives the public register's pages an ETag and answers 304 (scripts/public-cache.mjs);
//   - handles only a few public requests at a time, so a crowd on the public pages cannot
//     make the staff wait (scripts/public-bulkhead.mjs);
//   - on SIGTERM stops taking connections and lets requests in flight finish.
// Plain JavaScript so that production needs no TypeScript loader for the web server; the
// few TypeScript modules it shares with the portal are loaded with tsx's scoped import.
import { createServer } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { bulkheadFromEnv, throughBulkhead } from './public-bulkhead.mjs';
import { holdPublicPage } from './public-cache.mjs';

process.env.NODE_ENV ??= 'production';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
// The Next app to serve: the portal; `npm run bench:load` also serves its bare ceiling page.
const appDir = process.env.NEXT_APP_DIR ? path.resolve(process.env.NEXT_APP_DIR) : root;
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? process.env.HOST ?? '127.0.0.1';
process.env.INSTANCE_ID ??= `${os.hostname()}-${port}`;
const instanceId = process.env.INSTANCE_ID;

const load = (file) => tsImport(path.join(root, file), import.meta.url);
const { checkPortalConfig, reportConfig } = await load('server/ops/production-config.ts');
if (!reportConfig('The portal (npm start)', checkPortalConfig())) process.exit(2);
if (!fs.existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
  process.stderr.write('No production build: run `npm run build` first.\n');
  process.exit(2);
}
const { metrics } = await load('server/observability/metrics.ts');
const { withRequestContext, acceptRequestId } = await load('server/observability/context.ts');
const { log } = await load('server/observability/log.ts');
const { scrubString } = await load('server/observability/scrub.ts');
const logger = log('http');
// Next prints its own errors (a failed render, a failed query with its parameters):
// whatever reaches stdout or stderr passes the same scrubber as our JSON lines.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => write(scrubString(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), ...rest);
}

// Trusted proxies: exact peer addresses (IPv4, IPv6, or IPv4-mapped IPv6); from anyone
// else forwarded headers are dropped and Host is the portal's own.
const { trustedProxies, portalHost, peerAddress, sanitiseProxyHeaders } = await load('server/ops/proxy-headers.ts');
const proxyOptions = { trusted: trustedProxies(), portalHost: portalHost() };

// Route patterns from the build, so /dokumendid/4f…e1 is counted as /dokumendid/[id]
// and an unknown path cannot create a new metric series.
const manifest = JSON.parse(fs.readFileSync(path.join(appDir, '.next', 'routes-manifest.json'), 'utf8'));
const staticRoutes = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
const dynamicRoutes = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
function routeOf(url) {
  const pathname = (url ?? '/').split('?')[0];
  if (pathname.startsWith('/_next/static/')) return '/_next/static';
  if (pathname.startsWith('/_next/')) return '/_next';
  if (staticRoutes.has(pathname)) return pathname;
  for (const r of dynamicRoutes) if (r.regex.test(pathname)) return r.page;
  return 'unmatched';
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: appDir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
globalThis[Symbol.for('toolaud.launcher')] = true;
const { httpDuration } = metrics();

const bulkhead = bulkheadFromEnv();
const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const headers = req.headers;
  // Only the proxy may say who the client is, which host it asked for, or that it came over https.
  sanitiseProxyHeaders(headers, peerAddress(req.socket.remoteAddress), proxyOptions);
  const requestId = acceptRequestId(typeof headers['x-request-id'] === 'string' ? headers['x-request-id'] : null);
  headers['x-request-id'] = requestId;
  res.setHeader('x-toolaud-instance', instanceId);
  const route = routeOf(req.url);
  holdPublicPage(req, res);
  res.once('close', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    httpDuration.observe({ method: req.method ?? 'GET', route, status: String(res.statusCode) }, seconds);
    if (seconds > 2) logger.warn({ event: 'slow-request', requestId, method: req.method, route, status: res.statusCode, seconds });
  });
  withRequestContext({ requestId, route }, () => {
    Promise.resolve(throughBulkhead(bulkhead, req, res, () => handle(req, res))).catch((error) => {
      logger.error({ event: 'request-failed', requestId, route, err: error });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});
// Longer than nginx's upstream keepalive, so nginx closes idle connections first.
server.keepAliveTimeout = 75_000;
server.headersTimeout = 80_000;
server.on('error', (error) => {
  logger.fatal({ event: 'listen-failed', port, err: error });
  process.exit(1);
});
server.listen(port, hostname, () => {
  logger.info({ event: 'started', instance: instanceId, url: `http://${hostname}:${port}`, node: process.version });
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  logger.info({ event: 'stopping', signal });
  server.close();
  server.closeIdleConnections?.();
  const deadline = setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000));
  deadline.unref();
  await new Promise((resolve) => server.once('close', resolve));
  try {
    const { closeDb } = await load('db/client.ts');
    await closeDb();
  } catch {
    // exiting anyway
  }
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
