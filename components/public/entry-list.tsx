'use client';

import { formatDate } from '@/lib/format';
import { entryHref, type EntryLine } from '@/lib/public-register';

export type EntryListLabels = { none: string; restrictedTitle: string; incoming: string; outgoing: string };

/**
 * The register's entries as a list that reads on a phone as well as on a desktop. A client
 * component rendered from the lines' data: as server components, fifty entries reached the
 * browser twice (their HTML and their element tree in the page's RSC payload).
 */
export function EntryList({ labels, entries }: { labels: EntryListLabels; entries: EntryLine[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">{labels.none}</p>;
  return (
    <ol className="flex flex-col gap-2" data-testid="public-entries">
      {entries.map((e) => (
        <li key={`${e.number}-${e.year}`} className="rounded-md border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="public-entry">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <a href={entryHref(e)} className="font-mono font-semibold text-brand-800 underline underline-offset-2">
              {e.number}
            </a>
            <span className="text-slate-700">{formatDate(e.date)}</span>
          </div>
          <p className="mt-1 font-medium">{e.restricted ? <span className="italic text-slate-700">{labels.restrictedTitle}</span> : e.title}</p>
          <p className="mt-1 text-slate-700">
            {e.type} · {e.direction === 'incoming' ? labels.incoming : labels.outgoing} · {e.department}
            {e.party ? ` · ${e.party}` : ''}
            {e.ground ? ` · AK, ${e.ground}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
