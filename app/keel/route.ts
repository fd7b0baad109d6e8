import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n';
import { safeReturnPath } from '@/lib/public-locale';

// The public pages' language switch: a plain link (no script, no session), remembered in the
// same cookie as the staff portal's switch, back to the page it came from. The public
// register's pages are kept by the browser for a minute: the browser is told to drop its
// cached copies of this site, so no page comes back in the other language.
export function GET(request: NextRequest) {
  const locale = request.nextUrl.searchParams.get('l');
  const back = safeReturnPath(request.nextUrl.searchParams.get('tagasi'));
  const response = new NextResponse(null, { status: 303, headers: { location: back, 'cache-control': 'no-store', 'clear-site-data': '"cache"' } });
  if (isLocale(locale)) response.cookies.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  return response;
}
