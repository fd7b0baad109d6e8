import { NextResponse, type NextRequest } from 'next/server';

// Not an authorization boundary (published advisories have bypassed it): it only tags
// each request with an id for the audit trail and the path for the navigation, and keeps
// pages with personal data out of caches.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  if (!headers.get('x-request-id')) headers.set('x-request-id', crypto.randomUUID());
  headers.set('x-toolaud-path', request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', headers.get('x-request-id')!);
  response.headers.set('cache-control', 'no-store');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
