// Where to send someone back to after a form (the language switch's `back`, the sign-in's
// callbackUrl): a value the browser sent, so it may name another site. Browsers read a
// redirect's Location with the URL standard (WHATWG), where `/\evil.example`, `/<TAB>/evil`
// and `\\evil` are all `//evil…`, so prefix checks on the raw string do not hold. Parse it
// the same way against the portal's origin, keep it only when the origin is still the
// portal's, and hand back a path that cannot be read as another host.

/** An origin no request can come from: paths are still parsed as browsers would. */
const NOWHERE = 'https://toolaud.invalid';

export function sameOriginPath(target: unknown, portalOrigin: string = NOWHERE, fallback = '/'): string {
  if (typeof target !== 'string' || target === '') return fallback;
  let base: URL;
  try {
    base = new URL(portalOrigin);
  } catch {
    base = new URL(NOWHERE);
  }
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) return fallback;
  // `/.//evil` parses to the path `//evil`, which a browser would read as a host again.
  const path = url.pathname.replace(/^\/{2,}/, '/');
  return `${path}${url.search}${url.hash}`;
}

/** The same, as an absolute URL on the portal (next-auth's redirect callback wants one). */
export function sameOriginUrl(target: unknown, portalOrigin: string): string {
  return new URL(sameOriginPath(target, portalOrigin), portalOrigin).href;
}
