import { NextResponse, type NextRequest } from 'next/server';
import { canonicalRedirect } from './lib/canonical-host';
import { contentSecurityPolicy } from './lib/csp';
import { configuredPortalHosts, originRefusal } from './lib/request-origin';
import { LOCALE_COOKIE } from './lib/i18n';
import { isCacheablePublicPath, isPublicPath, PUBLIC_CACHE_CONTROL, publicLocale } from './lib/public-locale';

// Not an authorization boundary (published advisories have bypassed it): it refuses
// state-changing requests without the portal's Origin (lib/request-origin.ts), tags each
// request with an id for the audit trail and the path for the navigation, keeps pages
// with personal data out of caches (and lets the public register be cached), and sets the
// Content-Security-Policy with a fresh nonce. Next reads the nonce from the request's CSP
// header and puts it on its own script tags, so no inline script runs without it
// ('unsafe-inline' is not allowed).
export function proxy(request: NextRequest) {
  const canonical = canonicalRedirect(request, process.env.NEXTAUTH_URL);
  // Not a 3xx: Next rewrites a middleware redirect's Location to a relative path when its origin
  // is the one Next started on (`localhost`), which sent 127.0.0.1 back to itself in a loop. A
  // refresh to the absolute address is followed by every browser and left alone by Next.
  if (canonical) return canonicalPage(canonical);
  // A state-changing request without the portal's Origin is refused before it runs.
  const refusal = originRefusal(request.method, request.headers, configuredPortalHosts(process.env));
  if (refusal) return new NextResponse(`Forbidden (${refusal})`, { status: 403, headers: { 'cache-control': 'no-store' } });
  const headers = new Headers(request.headers);
  if (!headers.get('x-request-id')) headers.set('x-request-id', crypto.randomUUID());
  headers.set('x-toolaud-path', request.nextUrl.pathname);
  // The public pages' language (lib/public-locale.ts); nobody else reads this header.
  const isPublic = isPublicPath(request.nextUrl.pathname);
  if (isPublic) {
    const locale = publicLocale(request.cookies.get(LOCALE_COOKIE)?.value, headers.get('accept-language'), headers.get('x-toolaud-locale'));
    headers.set('x-toolaud-locale', locale);
  } else headers.delete('x-toolaud-locale');
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', headers.get('x-request-id')!);
  // Staff pages carry personal data: never stored. The public register carries none and is
  // the same for everyone in one language: cached (its ETag is added by scripts/start.mjs).
  if (isPublic && isCacheablePublicPath(request.nextUrl.pathname) && (request.method === 'GET' || request.method === 'HEAD')) {
    response.headers.set('cache-control', PUBLIC_CACHE_CONTROL);
    response.headers.set('vary', 'Accept-Language, Cookie');
  } else response.headers.set('cache-control', 'no-store');
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};

function canonicalPage(target: URL): NextResponse {
  const href = target.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return new NextResponse(
    `<!doctype html><html lang="et"><head><meta http-equiv="refresh" content="0;url=${href}"><title>Töölaud</title></head><body><p><a href="${href}">${href}</a></p></body></html>`,
    { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', refresh: `0;url=${target.toString()}`, 'cache-control': 'no-store' } },
  );
}
