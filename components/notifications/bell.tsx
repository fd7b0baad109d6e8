import Link from 'next/link';
import { fill } from '@/lib/i18n';

/** The header's notification bell: a link with the unread count, spoken as one label. */
export function Bell({ unread, label, unreadLabel }: { unread: number; label: string; unreadLabel: string }) {
  const text = unread > 0 ? fill(unreadLabel, { n: unread }) : label;
  return (
    <Link href="/teavitused" aria-label={text} title={text} className="relative inline-flex h-8 w-8 items-center justify-center rounded hover:bg-brand-800">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span aria-hidden="true" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-brand-900">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
