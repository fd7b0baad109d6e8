import Link from 'next/link';
import { Bell } from '@/components/notifications/bell';
import { Button } from '@/components/ui/button';
import { fill, type Locale, type Messages } from '@/lib/i18n';
import { setLocaleAction, signOutAction } from '@/server/auth/actions';
import type { Role } from '@/lib/roles';
import { NavMenu } from './nav-menu';

export type NavLink = { href: string; label: string };
export type Nav = { main: NavLink[]; groups: { id: string; label: string; links: NavLink[] }[] };

type Props = {
  user: { givenName: string; familyName: string; roles: Role[] };
  nav: Nav;
  m: Messages;
  locale: Locale;
  path: string;
  /** Unread in-app notifications, for the bell. */
  unread: number;
  /** The absent people whose work the signed-in person holds today. */
  substituting?: string[];
};

export function Header({ user, nav, m, locale, path, unread, substituting = [] }: Props) {
  return (
    <header className="bg-brand-900 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
      >
        {m.app.skip}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-6 py-3">
        <Link href="/" className="text-lg font-semibold">
          {m.app.name}
        </Link>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <span>
            <span className="font-medium">
              {user.givenName} {user.familyName}
            </span>{' '}
            <span className="text-brand-100">({user.roles.map((r) => m.roles[r]).join(', ')})</span>
          </span>
          {substituting.length > 0 && (
            <Link href="/puudumised" className="rounded bg-amber-100 px-2 py-1 font-medium text-amber-950 underline-offset-2 hover:underline">
              {fill(m.absences.header, { names: substituting.join(', ') })}
            </Link>
          )}
          <Bell unread={unread} label={m.notifications.bell} unreadLabel={m.notifications.bellUnread} />
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={locale === 'et' ? 'en' : 'et'} />
            <input type="hidden" name="back" value={path} />
            <button type="submit" className="underline" lang={locale === 'et' ? 'en' : 'et'}>
              {m.nav.language}
            </button>
          </form>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" size="sm">
              {m.nav.signOut}
            </Button>
          </form>
        </div>
      </div>
      <nav aria-label={m.nav.label} className="bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap items-center gap-1 px-6">
          {nav.main.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="inline-block px-3 py-2 text-sm hover:bg-brand-700" aria-current={item.href === path ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
          {nav.groups.map((group, i) => (
            <li key={group.id} className={i === 0 ? 'ml-auto' : undefined}>
              <NavMenu label={group.label} links={group.links} path={path} />
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
