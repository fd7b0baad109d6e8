// A page opened on another host name than the configured one (127.0.0.1 for localhost, a
// server's own name for its public one) cannot sign in: the session cookie and the OIDC
// callback belong to NEXTAUTH_URL's host, so the sign-in would fail with no reason given.
// Such a page request is sent to the same path on the configured address instead. Only
// GET and HEAD of pages: API calls (health probes on the instance's own address, metrics,
// the OIDC callback) and posts are left to their own checks.

export function canonicalRedirect(request: { method: string; url: string; headers: Headers }, configuredUrl: string | undefined): URL | null {
  if (!configuredUrl || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
  let configured: URL;
  try {
    configured = new URL(configuredUrl);
  } catch {
    return null;
  }
  const url = new URL(request.url);
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/_next/')) return null;
  const host = request.headers.get('host');
  if (!host) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  // Only the name: behind nginx the Host is the public name without the public port.
  if (hostname.toLowerCase() === configured.hostname.toLowerCase()) return null;
  const target = new URL(configured.origin);
  target.pathname = url.pathname;
  target.search = url.search;
  return target;
}
