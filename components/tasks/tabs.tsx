import Link from 'next/link';
import type { Messages } from '@/lib/i18n';

export function TaskTabs({ m, current, showGiven }: { m: Messages; current: 'mine' | 'given'; showGiven: boolean }) {
  const tabs = [
    { key: 'mine', href: '/ulesanded', label: m.tasks.tabs.mine },
    ...(showGiven ? [{ key: 'given', href: '/ulesanded/antud', label: m.tasks.tabs.given }] : []),
  ];
  return (
    <nav aria-label={m.tasks.title}>
      <ul className="flex gap-1 border-b border-slate-300">
        {tabs.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={current === t.key ? 'page' : undefined}
              className={`inline-block rounded-t-md px-4 py-2 text-sm ${current === t.key ? 'border border-b-0 border-slate-300 bg-white font-semibold' : 'text-brand-700 hover:bg-brand-50'}`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
