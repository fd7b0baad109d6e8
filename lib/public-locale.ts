import { sameOriginPath } from './same-origin-path';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n';

// The public pages (/kontrolli, /avalik) speak the visitor's language: the one they chose
// with the switch (the locale cookie), else the first of Estonian or English their browser
// asks for, else Estonian. nginx makes the same choice with two maps (deploy/nginx), keys its
// cache on it and tells the instance, so a cached page is never in the other language.

/** The public register's pages: browsers keep them a minute, nginx longer (deploy/nginx). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

export const PUBLIC_PATHS = ['/avalik', '/kontrolli', '/keel'] as const;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The public register and its open data: cacheable by anyone (no session, no personal data). */
export function isCacheablePublicPath(pathname: string): boolean {
  return pathname === '/avalik' || pathname.startsWith('/avalik/');
}

/**
 * The locale nginx worked out (`X-Toolaud-Locale`, when behind it: its cache is keyed on the
 * same value, so a cached page is always in the language of its key), else the cookie, else
 * the first Estonian or English tag of Accept-Language in the order the browser lists them.
 */
export function publicLocale(cookie: string | undefined | null, acceptLanguage: string | undefined | null, fromEdge?: string | null): Locale {
  if (isLocale(fromEdge)) return fromEdge;
  if (isLocale(cookie)) return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const lang = part.trim().split(/[;-]/)[0]!.trim().toLowerCase();
    if (lang === 'et' || lang === 'en') return lang;
  }
  return DEFAULT_LOCALE;
}

/** Where the language switch may send the visitor back to: a path on this site only. */
export function safeReturnPath(value: string | null | undefined): string {
  // Parsed as a browser reads a Location (lib/same-origin-path.ts): a prefix check on the raw
  // string lets `/<TAB>/evil.example` through.
  return sameOriginPath(value, undefined, '/avalik');
}
