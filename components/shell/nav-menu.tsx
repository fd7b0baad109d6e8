'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { cn } from '@/lib/cn';

/**
 * One menu of the main navigation: a native disclosure (works without JavaScript and with
 * the keyboard) that also closes on Escape, on a click elsewhere and after choosing a link.
 */
export function NavMenu({ label, links, path }: { label: string; links: { href: string; label: string }[]; path: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        el.open = false;
        el.querySelector('summary')?.focus();
      } else if (!el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);
  const current = links.some((l) => path === l.href || path.startsWith(`${l.href}/`));
  return (
    <details ref={ref} className="relative">
      <summary
        className={cn(
          'inline-flex cursor-pointer list-none items-center gap-1 px-3 py-2 text-sm hover:bg-brand-700 [&::-webkit-details-marker]:hidden',
          current && 'bg-brand-700',
        )}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </summary>
      <ul className="absolute right-0 z-20 mt-1 min-w-56 rounded-md border border-slate-200 bg-white py-1 text-slate-900 shadow-lg">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              className="block px-4 py-2 text-sm hover:bg-brand-50 aria-[current=page]:font-semibold"
              aria-current={l.href === path ? 'page' : undefined}
              onClick={() => ref.current?.removeAttribute('open')}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
