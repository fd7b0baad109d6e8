import { createHash } from 'node:crypto';
import { toCsv } from '@/lib/csv';
import type { Locale } from '@/lib/i18n';
import type { PublicEntry } from './entry';

// The public register as open data: the same entries as /avalik, in CSV, JSON and an Atom
// feed. Every field is one of PublicEntry's (entry.ts decides what is public); described
// here once, sent with every JSON page and listed in README.md.

export const OPEN_DATA_FIELDS: Record<keyof PublicEntry, string> = {
  number: 'Registration number (viit), e.g. 2-1/1534-1',
  year: 'Registration year; with the number, the permanent address /avalik/<number>?aasta=<year>',
  date: 'Date of registration, yyyy-mm-dd (Europe/Tallinn)',
  type: 'Document type',
  typeCode: 'Document type code (filter: liik)',
  series: 'Series of the records schedule',
  seriesCode: 'Series code (filter: sari)',
  direction: 'incoming or outgoing (filter: suund=sissetulev|valjaminev)',
  department: 'Department responsible',
  unitCode: 'Department code (filter: osakond)',
  restricted: 'true while access is restricted: then title, party and the fields after them are null',
  restriction: 'While restricted: { mark: "AK", ground (legal ground), groundText, from, until (yyyy-mm-dd) }',
  title: 'Title (null while restricted)',
  party: 'Sender or recipient: an institution by name, a private person as "eraisik" / "private person" (null while restricted)',
  partyIsPrivate: 'true when the party is a private person',
  senderReference: 'The other party’s reference (seosviit)',
  channel: 'How it was received or sent: in_person, post, email, e_service, phone, dhx',
  replyDue: 'Reply due date, yyyy-mm-dd',
  responsible: 'Official responsible',
  forwardedTo: 'Forwarded to (another authority)',
  forwardedAt: 'Date forwarded, yyyy-mm-dd',
};

const columns = Object.keys(OPEN_DATA_FIELDS) as (keyof PublicEntry)[];

export function entriesToCsv(entries: PublicEntry[]): string {
  return toCsv(
    columns,
    entries.map((e) =>
      columns.map((c) => {
        const v = e[c];
        if (c === 'restriction') return e.restriction ? `AK; ${e.restriction.ground}; ${e.restriction.from ?? ''}–${e.restriction.until ?? ''}` : null;
        if (typeof v === 'boolean') return v ? 'true' : 'false';
        return (v as string | number | null) ?? null;
      }),
    ),
  );
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** An Atom feed of the newest entries (RFC 4287). */
export function entriesToAtom(entries: PublicEntry[], base: string, locale: Locale, title: string, restrictedTitle: string): string {
  const href = (e: PublicEntry) => `${base}/avalik/${e.number.split('/').map(encodeURIComponent).join('/')}?aasta=${e.year}`;
  const updated = entries[0] ? `${entries[0].date}T00:00:00+02:00` : new Date(0).toISOString();
  const items = entries
    .map(
      (e) => `  <entry>
    <id>${xml(href(e))}</id>
    <title>${xml(`${e.number} ${e.restricted ? restrictedTitle : (e.title ?? '')}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(href(e))}"/>
    <updated>${e.date}T00:00:00+02:00</updated>
    <summary>${xml([e.type, e.department, e.party, e.restriction ? `AK ${e.restriction.ground}` : null].filter(Boolean).join(' · '))}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
  <id>${xml(`${base}/avalik`)}</id>
  <title>${xml(title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/avalik/voog.xml`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/avalik`)}"/>
  <updated>${updated}</updated>
${items}
</feed>
`;
}

/** A strong ETag of a body: the same bytes, the same tag, on every instance. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
