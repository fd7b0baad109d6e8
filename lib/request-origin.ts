// Cross-site request forgery, before anything else runs (proxy.ts). Browsers send `Origin`
// on every POST, PUT, PATCH and DELETE, same-origin ones included, so a state-changing
// request without it (or with `Origin: null`: sandboxed frames, privacy redirects) did not
// come from the portal's own pages, and one whose origin names another host came from
// another site. Next checks its server actions' origin only when the header is there; this
// refuses both cases for every state-changing request, server actions and route handlers
// alike. GET and HEAD change nothing here (the OIDC callback is a GET).

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginRefusal = 'no-origin' | 'foreign-origin';

/** The hosts (`name[:port]`) the portal answers as: its public URL and PORTAL_ORIGIN. */
export function configuredPortalHosts(env: Record<string, string | undefined>): string[] {
  const hosts: string[] = [];
  for (const url of [env.NEXTAUTH_URL, env.PORTAL_URL]) {
    try {
      if (url) hosts.push(new URL(url).host);
    } catch {
      // not a URL: nothing to allow
    }
  }
  for (const origin of (env.PORTAL_ORIGIN ?? '').split(',')) if (origin.trim()) hosts.push(origin.trim().toLowerCase());
  return hosts;
}

/**
 * Why a request must be refused, or null. `headers` are the request's after the launcher
 * (scripts/start.mjs) has dropped forwarded headers from anyone but a trusted proxy, so
 * `Host` and `X-Forwarded-Host` name the host the browser asked for.
 */
export function originRefusal(method: string, headers: Headers, portalHosts: readonly string[]): OriginRefusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const origin = headers.get('origin')?.trim();
  if (!origin || origin === 'null') return 'no-origin';
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'foreign-origin';
    originHost = url.host;
  } catch {
    return 'foreign-origin';
  }
  const allowed = new Set(portalHosts.map((h) => h.toLowerCase()));
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  if (forwarded) allowed.add(forwarded.toLowerCase());
  const host = headers.get('host')?.trim();
  if (host) allowed.add(host.toLowerCase());
  return allowed.has(originHost.toLowerCase()) ? null : 'foreign-origin';
}
