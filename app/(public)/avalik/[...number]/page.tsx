import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate } from '@/lib/format';
import { entryHref } from '@/lib/public-register';
import { getLocale, getMessages } from '@/server/i18n';
import { publicEntry } from '@/server/public-register/queries';

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

type Props = { params: Promise<{ number: string[] }>; searchParams: Promise<{ aasta?: string }> };

async function load({ params, searchParams }: Props) {
  const [{ number }, { aasta }, locale] = await Promise.all([params, searchParams, getLocale()]);
  const year = aasta && /^\d{4}$/.test(aasta) ? Number(aasta) : null;
  const text = number.map(safeDecode).join('/').slice(0, 60);
  return publicEntry(text, year, locale);
}

export async function generateMetadata(props: Props) {
  const [entry, m] = await Promise.all([load(props), getMessages()]);
  return { title: entry ? `${entry.number} · ${m.publicPages.registerTitle}` : m.publicPages.registerTitle };
}

// One entry of the public register at its permanent address (/avalik/<number>?aasta=<year>).
export default async function PublicEntryPage(props: Props) {
  const [entry, m] = await Promise.all([load(props), getMessages()]);
  if (!entry) notFound();
  const p = m.publicPages;
  const rows: [string, string | null][] = [
    [p.number, entry.number],
    [p.date, formatDate(entry.date)],
    [p.type, entry.type],
    [p.direction, entry.direction === 'incoming' ? p.incoming : p.outgoing],
    [p.series, entry.series],
    [p.department, entry.department],
  ];
  if (entry.restriction) {
    const r = entry.restriction;
    rows.push([p.restriction, p.restrictionMark], [p.ground, `${r.ground}${r.groundText ? ` (${r.groundText})` : ''}`]);
    rows.push([p.term, `${r.from ? formatDate(r.from) : ''} – ${r.until ? formatDate(r.until) : ''}`]);
  } else {
    rows.push(
      [p.party, entry.party],
      [p.senderReference, entry.senderReference],
      [p.channel, entry.channel ? (p.channels[entry.channel as keyof typeof p.channels] ?? entry.channel) : null],
      [p.replyDue, entry.replyDue ? formatDate(entry.replyDue) : null],
      [p.responsible, entry.responsible],
      [p.forwardedTo, entry.forwardedTo ? `${entry.forwardedTo}${entry.forwardedAt ? `, ${formatDate(entry.forwardedAt)}` : ''}` : null],
    );
  }
  return (
    <article className="flex max-w-3xl flex-col gap-4" data-testid="public-entry-page">
      <p className="text-sm">
        <Link prefetch={false} href="/avalik" className="text-brand-800 underline underline-offset-2">
          {p.back}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{entry.restricted ? p.restrictedTitle : entry.title}</h1>
      {entry.restricted && <p className="text-sm text-slate-700">{p.restrictedNote}</p>}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[minmax(12rem,auto)_1fr]">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="mb-2 sm:mb-0">{value}</dd>
            </div>
          ))}
      </dl>
      <p className="text-xs text-slate-600">
        {p.permanent}: <span className="font-mono">{entryHref(entry)}</span>
      </p>
    </article>
  );
}
