import Link from 'next/link';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/public/language-switch';
import { AGENCY } from '@/lib/agency';
import { getLocale, getMessages } from '@/server/i18n';

// The pages anyone may open: the public document register and the verification of issued
// documents. No session is looked up here and nothing about a visitor is shown: the same
// page for everyone in one language, which is what lets nginx cache the register.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const p = m.publicPages;
  const other = locale === 'et' ? 'en' : 'et';
  return (
    <>
      <header className="bg-brand-900 text-white">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
        >
          {p.skip}
        </a>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <Link prefetch={false} href="/avalik" className="text-lg font-semibold">
            {AGENCY.name[locale]}
          </Link>
          <nav aria-label={p.register} className="flex flex-wrap items-center gap-4 text-sm">
            <Link prefetch={false} href="/avalik" className="underline-offset-4 hover:underline">
              {p.register}
            </Link>
            <Link prefetch={false} href="/kontrolli" className="underline-offset-4 hover:underline">
              {p.verify}
            </Link>
            <LanguageSwitch other={other} label={p.otherLanguageLabel} text={p.otherLanguage} />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl px-4 pb-8 text-xs text-slate-600 sm:px-6">
        <p>
          {AGENCY.name[locale]} · {AGENCY.street}, {AGENCY.postcode} {AGENCY.city} · {AGENCY.phone} · {AGENCY.email}
        </p>
        <p className="mt-1">{p.footer}</p>
      </footer>
    </>
  );
}
