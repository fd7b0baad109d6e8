import type { Locale } from '@/lib/i18n';
import type { PublicEntry } from '@/lib/public-register';

export type { PublicEntry };

// What the public document register (/avalik, its open data and its feed) may show of one
// registered document: the one place where that is decided (Avaliku teabe seadus § 11–12).
// - A restricted document (AK) shows its number, date, type, series, department and the
//   restriction (mark, legal ground, term); never its title, party, or anything else.
// - The restriction ends the day after its last day, or when the document's unit makes the
//   document public on purpose (`publicSince`): the title shows from then on.
// - A private person is never named ("eraisik"); an institution is.
// - No personal code, ever: a title that contains one shows it masked, and a private party's
//   own name in a title is replaced by their initials.
// The row the query reads has more than this (the private party's name, to remove it): only
// what `toPublicEntry` returns leaves the server.

export type PublicRow = {
  id: string;
  number: string;
  year: number;
  registeredAt: Date;
  typeCode: string;
  typeEt: string;
  typeEn: string;
  seriesCode: string;
  seriesName: string;
  direction: 'incoming' | 'outgoing';
  channel: string;
  title: string;
  hasClient: boolean;
  clientGivenName: string | null;
  clientFamilyName: string | null;
  institutionName: string | null;
  senderReference: string | null;
  dueDate: string | null;
  unitCode: string;
  unitEt: string;
  unitEn: string;
  responsible: string | null;
  isRestricted: boolean;
  groundLabel: string | null;
  groundEt: string | null;
  groundEn: string | null;
  restrictionFrom: string | null;
  restrictionUntil: string | null;
  publicSince: Date | null;
  forwardedTo: string | null;
  forwardedAt: Date | null;
};

export const tallinnDay = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Tallinn' }).format(d);

/** Is the title (and party) public on `today` (yyyy-mm-dd, Tallinn)? Mirrors `titleIsPublic` in queries.ts. */
export function titleIsPublicOn(row: Pick<PublicRow, 'isRestricted' | 'restrictionUntil' | 'publicSince'>, today: string): boolean {
  return !row.isRestricted || row.publicSince !== null || (row.restrictionUntil !== null && row.restrictionUntil < today);
}

const PERSONAL_CODE = /(?<!\d)[1-6]\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{4}(?!\d)/g;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A public title with any personal code masked and the private party's own name as initials. */
export function scrubTitle(title: string, givenName: string | null, familyName: string | null): string {
  let text = title.replace(PERSONAL_CODE, '•••••••••••');
  const parts = [givenName, familyName]
    .flatMap((n) => (n ?? '').split(/[\s-]+/))
    .map((p) => p.trim())
    .filter((p) => p.length > 1);
  for (const part of parts.sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`(?<![\\p{L}])${escapeRegex(part)}(?![\\p{L}])`, 'giu'), `${part[0]!.toUpperCase()}.`);
  }
  return text;
}

export const privatePersonLabel: Record<Locale, string> = { et: 'eraisik', en: 'private person' };

export function toPublicEntry(row: PublicRow, today: string, locale: Locale): PublicEntry {
  const open = titleIsPublicOn(row, today);
  const en = locale === 'en';
  const base = {
    number: row.number,
    year: row.year,
    date: tallinnDay(row.registeredAt),
    type: en ? row.typeEn : row.typeEt,
    typeCode: row.typeCode,
    series: row.seriesName,
    seriesCode: row.seriesCode,
    direction: row.direction,
    department: en ? row.unitEn : row.unitEt,
    unitCode: row.unitCode,
  };
  if (!open) {
    return {
      ...base,
      restricted: true,
      restriction: {
        mark: 'AK',
        ground: row.groundLabel ?? '',
        groundText: (en ? row.groundEn : row.groundEt) ?? '',
        from: row.restrictionFrom,
        until: row.restrictionUntil,
      },
      title: null,
      party: null,
      partyIsPrivate: null,
      senderReference: null,
      channel: null,
      replyDue: null,
      responsible: null,
      forwardedTo: null,
      forwardedAt: null,
    };
  }
  const institution = row.institutionName?.trim() || null;
  return {
    ...base,
    restricted: false,
    restriction: null,
    title: scrubTitle(row.title, row.clientGivenName, row.clientFamilyName),
    party: institution ?? (row.hasClient ? privatePersonLabel[locale] : null),
    partyIsPrivate: institution ? false : row.hasClient,
    senderReference: row.senderReference ? scrubTitle(row.senderReference, row.clientGivenName, row.clientFamilyName) : null,
    channel: row.channel,
    replyDue: row.dueDate,
    responsible: row.responsible,
    forwardedTo: row.forwardedTo,
    forwardedAt: row.forwardedAt ? tallinnDay(row.forwardedAt) : null,
  };
}
