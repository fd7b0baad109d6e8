import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, messagesFor, type Locale } from '@/lib/i18n';

export const getLocale = cache(async (): Promise<Locale> => {
  // The public pages' choice (cookie, browser or nginx), set by proxy.ts for them only.
  const publicChoice = (await headers()).get('x-toolaud-locale');
  if (isLocale(publicChoice)) return publicChoice;
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
});

export async function getMessages() {
  return messagesFor(await getLocale());
}
