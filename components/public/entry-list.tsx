import Link from 'next/link';
import type { Messages } from '@/lib/i18n';
import { formatDate } from '@/lib/format';
import type { PublicEntry } from '@/lib/public-register';

export const entryHref = (e: Pick<PublicEntry, 'number' | 'year'>) => `/avalik/${e.number.split('/').map(encodeURIComponent).join('/')}?aasta=${e.year}`;

/** The register's entries as a list that reads on a phone as well as on a desktop. */
export function EntryList({ p, entries }: { p: Messages['publicPages']; entries: PublicEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">{p.none}</p>;
  return (
    <ol className="flex flex-col gap-2" data-testid="public-entries">
      {entries.map((e) => (
        <li key={`${e.number}-${e.year}`} className="rounded-md border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="public-entry">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <Link prefetch={false} href={entryHref(e)} className="font-mono font-semibold text-brand-800 underline underline-offset-2">
              {e.number}
            </Link>
            <span className="text-slate-700">{formatDate(e.date)}</span>
          </div>
          <p className="mt-1 font-medium">{e.restricted ? <span className="italic text-slate-700">{p.restrictedTitle}</span> : e.title}</p>
          <p className="mt-1 text-slate-700">
            {e.type} · {e.direction === 'incoming' ? p.incoming : p.outgoing} · {e.department}
            {e.party ? ` · ${e.party}` : ''}
            {e.restriction ? ` · AK, ${e.restriction.ground}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
