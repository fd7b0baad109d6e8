import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { setLocaleAction } from '@/server/auth/actions';
import { getMessages } from '@/server/i18n';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const m = await getMessages();
  const other = m.locale === 'en' ? 'et' : 'en';
  // Back to the page the switch was used on (the proxy names it); the action accepts only portal paths.
  const path = (await headers()).get('x-toolaud-path') ?? '/sisene';
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-start justify-between gap-4 bg-brand-900 px-6 py-4 text-white">
        <div>
          <p className="text-lg font-semibold">{m.app.name}</p>
          <p className="text-sm text-brand-100">{m.app.tagline}</p>
        </div>
        <form action={setLocaleAction}>
          <input type="hidden" name="locale" value={other} />
          <input type="hidden" name="back" value={path} />
          <button type="submit" className="text-sm underline" lang={other}>
            {m.nav.language}
          </button>
        </form>
      </header>
      <main className="mx-auto flex w-full max-w-lg flex-1 flex-col justify-center px-6 py-10">{children}</main>
    </div>
  );
}
