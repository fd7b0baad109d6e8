import type { NextRequest } from 'next/server';
import { AGENCY } from '@/lib/agency';
import { getLocale, getMessages } from '@/server/i18n';
import { entriesToAtom } from '@/server/public-register/open-data';
import { searchPublicRegister } from '@/server/public-register/queries';
import { publicResponse } from '@/server/public-register/respond';

// New entries of the public register as an Atom feed (the newest 50).
export async function GET(request: NextRequest) {
  const [locale, m] = await Promise.all([getLocale(), getMessages()]);
  const page = await searchPublicRegister({ limit: 50 }, locale);
  const base = (process.env.PORTAL_URL ?? process.env.NEXTAUTH_URL ?? request.nextUrl.origin).replace(/\/$/, '');
  const body = entriesToAtom(page.entries, base, locale, `${AGENCY.name[locale]}: ${m.publicPages.registerTitle}`, m.publicPages.restrictedTitle);
  return publicResponse(request, body, 'application/atom+xml; charset=utf-8');
}
