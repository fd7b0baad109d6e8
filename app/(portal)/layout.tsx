import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Header } from '@/components/shell/header';
import { requireUser } from '@/server/auth/current-user';
import { getLocale, getMessages } from '@/server/i18n';
import { substitutingNow } from '@/server/absences/queries';
import { unreadNotificationCount } from '@/server/notifications/queries';
import { navFor } from './nav';

// Every page here needs a signed-in person; each page and data function checks its own
// permission as well (a layout does not run for every request in client navigation).
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [m, locale, unread, substituting] = await Promise.all([getMessages(), getLocale(), unreadNotificationCount(user), substitutingNow(user)]);
  const path = (await headers()).get('x-toolaud-path') ?? '/';
  return (
    <>
      <Header user={user} nav={navFor(user, m)} m={m} locale={locale} path={path} unread={unread} substituting={substituting} />
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </>
  );
}
