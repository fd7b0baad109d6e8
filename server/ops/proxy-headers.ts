// What an instance believes about a request's client and host (scripts/start.mjs, before
// Next sees the request). Only a trusted proxy (TRUSTED_PROXIES: nginx, by exact address)
// may say who the client is (X-Real-IP), which host and scheme the browser used
// (X-Forwarded-Host/-Proto/-Port) and which host it asked for (Host). From anyone else
// these are dropped, and Host becomes the portal's own (NEXTAUTH_URL): Next derives the
// server actions' origin check and the URLs it builds from them, so a client that reaches
// an instance directly must not choose them.

export const DEFAULT_TRUSTED_PROXIES = '127.0.0.1,::1';

const FORWARDED = ['x-real-ip', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];
const INTERNAL = ['x-middleware-subrequest', 'x-toolaud-client-ip', 'x-toolaud-path'];
const IP = /^[0-9A-Fa-f:.]{2,45}$/;

/** Exact peer addresses (IPv4, IPv6; an IPv4-mapped IPv6 peer is compared as IPv4). */
export function trustedProxies(env: Record<string, string | undefined> = process.env): Set<string> {
  return new Set(
    (env.TRUSTED_PROXIES ?? DEFAULT_TRUSTED_PROXIES)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** The host the portal answers as, from NEXTAUTH_URL (or PORTAL_URL); null when unset. */
export function portalHost(env: Record<string, string | undefined> = process.env): string | null {
  for (const url of [env.NEXTAUTH_URL, env.PORTAL_URL]) {
    try {
      if (url) return new URL(url).host;
    } catch {
      // not a URL
    }
  }
  return null;
}

export const peerAddress = (remoteAddress: string | undefined): string => (remoteAddress ?? '').replace(/^::ffff:/, '');

/**
 * Rewrites the request's headers in place and returns the client's address. `headers` is
 * Node's IncomingHttpHeaders (lower-case names).
 */
export function sanitiseProxyHeaders(
  headers: Record<string, string | string[] | undefined>,
  peer: string,
  options: { trusted: ReadonlySet<string>; portalHost: string | null },
): { clientIp: string; viaProxy: boolean } {
  for (const name of INTERNAL) delete headers[name];
  const viaProxy = options.trusted.has(peer);
  const realIp = typeof headers['x-real-ip'] === 'string' ? headers['x-real-ip'].trim() : '';
  if (!viaProxy) {
    for (const name of FORWARDED) delete headers[name];
    if (options.portalHost) headers.host = options.portalHost;
  }
  const clientIp = viaProxy && IP.test(realIp) ? realIp : peer || 'unknown';
  headers['x-toolaud-client-ip'] = clientIp;
  return { clientIp, viaProxy };
}
