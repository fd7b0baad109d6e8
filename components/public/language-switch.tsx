'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/**
 * The public pages' language switch: a plain link to `/keel`, back to the page it is on. The
 * layout stays as it was when the visitor moves between pages in the browser, so the page to
 * return to is read where the visitor is now, not from the request that drew the layout.
 */
export function LanguageSwitch({ other, label, text }: { other: 'et' | 'en'; label: string; text: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const back = search ? `${pathname}?${search}` : pathname;
  return (
    <a
      href={`/keel?l=${other}&tagasi=${encodeURIComponent(back)}`}
      lang={other}
      hrefLang={other}
      aria-label={label}
      className="rounded border border-white/60 px-2 py-1"
      data-testid="language-switch"
    >
      {text}
    </a>
  );
}
