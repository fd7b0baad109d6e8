import 'server-only';
import { and, asc, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb, getSearchDb, type Db } from '@/db/client';
import { accessGrounds, clients, documents, documentTypes, registerSeries, staff, units } from '@/db/schema';
import type { Locale } from '@/lib/i18n';
import { ISO_DATE, tallinnLocalToInstant } from '@/lib/tallinn-time';
import { registerReference } from '@/server/register/reference-cache';
import { tallinnDay, toPublicEntry, type PublicEntry, type PublicRow } from './entry';
import { TOO_BROAD, withinSearchBudget } from './search-budget';

// Reads of the public document register. No actor: everything here is what anyone on the
// internet may see, decided by `toPublicEntry` (entry.ts); the queries make sure that a
// search never finds a document by what the public may not see (a restricted title, the
// private party's name, a personal code).

export type Direction = 'incoming' | 'outgoing';
export type PublicFilters = {
  number?: string;
  from?: string;
  to?: string;
  type?: string;
  series?: string;
  unit?: string;
  direction?: Direction;
  words?: string;
  cursor?: string;
  limit?: number;
};

const text = (v: string | null | undefined, max = 100) => (v ?? '').trim().slice(0, max) || undefined;

/** The query string of /avalik, its CSV, JSON and feed (Estonian parameter names) → filters; anything malformed is dropped. */
export function parsePublicFilters(params: URLSearchParams): PublicFilters {
  const direction = params.get('suund');
  const limit = Number(params.get('suurus'));
  const date = (v: string | null) => (v && ISO_DATE.test(v) ? v : undefined);
  return {
    number: text(params.get('nr'), 40),
    from: date(params.get('alates')),
    to: date(params.get('kuni')),
    type: text(params.get('liik'), 60),
    series: text(params.get('sari'), 20),
    unit: text(params.get('osakond'), 40),
    direction: direction === 'sissetulev' ? 'incoming' : direction === 'valjaminev' ? 'outgoing' : undefined,
    words: text(params.get('tekst'), 100),
    cursor: text(params.get('parast'), 200),
    ...(Number.isInteger(limit) && limit > 0 ? { limit: Math.min(limit, 500) } : {}),
  };
}

/** The filters back to a query string (for "next page" links); `cursor` replaced by `next`. */
export function filtersToQuery(f: PublicFilters, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  const put = (k: string, v: string | undefined) => v && q.set(k, v);
  put('nr', f.number);
  put('alates', f.from);
  put('kuni', f.to);
  put('liik', f.type);
  put('sari', f.series);
  put('osakond', f.unit);
  put('suund', f.direction === 'incoming' ? 'sissetulev' : f.direction === 'outgoing' ? 'valjaminev' : undefined);
  put('tekst', f.words);
  for (const [k, v] of Object.entries(extra)) put(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether the request reaches past browsing (it counts against the `search` limit per IP). */
export const isSearch = (f: PublicFilters) => Boolean(f.number || f.from || f.to || f.type || f.series || f.unit || f.direction || f.words || f.cursor);

const fullName = (t: { givenName: AnyColumn; familyName: AnyColumn }) => sql<string>`${t.givenName} || ' ' || ${t.familyName}`;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const LOOKS_LIKE_PERSONAL_CODE = /(?<!\d)[1-6]\d{10}(?!\d)/;

/** SQL twin of `titleIsPublicOn` (entry.ts). */
const titleIsPublic = (today: string) =>
  sql`(not ${documents.isRestricted} or ${documents.publicSince} is not null or ${documents.restrictionUntil} < ${today}::date)`;

const columns = {
  id: documents.id,
  number: documents.number,
  year: documents.year,
  registeredAt: documents.registeredAt,
  typeCode: documents.typeCode,
  typeEt: sql<string>`(select ${documentTypes.nameEt} from ${documentTypes} where ${documentTypes.code} = ${documents.typeCode})`,
  typeEn: sql<string>`(select ${documentTypes.nameEn} from ${documentTypes} where ${documentTypes.code} = ${documents.typeCode})`,
  seriesCode: documents.seriesCode,
  seriesName: sql<string>`(select ${registerSeries.name} from ${registerSeries} where ${registerSeries.code} = ${documents.seriesCode})`,
  direction: documents.direction,
  channel: documents.channel,
  title: documents.title,
  hasClient: sql<boolean>`${documents.clientId} is not null`,
  clientGivenName: sql<string | null>`(select ${clients.givenName} from ${clients} where ${clients.id} = ${documents.clientId})`,
  clientFamilyName: sql<string | null>`(select ${clients.familyName} from ${clients} where ${clients.id} = ${documents.clientId})`,
  institutionName: documents.institutionName,
  senderReference: documents.senderReference,
  dueDate: documents.dueDate,
  unitCode: documents.unitCode,
  unitEt: sql<string>`(select ${units.nameEt} from ${units} where ${units.code} = ${documents.unitCode})`,
  unitEn: sql<string>`(select ${units.nameEn} from ${units} where ${units.code} = ${documents.unitCode})`,
  responsible: sql<string | null>`(select ${fullName(staff)} from ${staff} where ${staff.id} = ${documents.assigneeId})`,
  isRestricted: documents.isRestricted,
  groundLabel: sql<string | null>`(select ${accessGrounds.label} from ${accessGrounds} where ${accessGrounds.code} = ${documents.restrictionGroundCode})`,
  groundEt: sql<string | null>`(select ${accessGrounds.explanationEt} from ${accessGrounds} where ${accessGrounds.code} = ${documents.restrictionGroundCode})`,
  groundEn: sql<string | null>`(select ${accessGrounds.explanationEn} from ${accessGrounds} where ${accessGrounds.code} = ${documents.restrictionGroundCode})`,
  restrictionFrom: documents.restrictionFrom,
  restrictionUntil: documents.restrictionUntil,
  publicSince: documents.publicSince,
  forwardedTo: documents.forwardedTo,
  forwardedAt: documents.forwardedAt,
};

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    return typeof at === 'string' && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/.test(id) ? [at, id] : null;
  } catch {
    return null;
  }
}
const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

function conditions(f: PublicFilters, today: string): SQL[] | null {
  const where: SQL[] = [];
  if (f.number) {
    const n = f.number.trim();
    where.push(sql`(${documents.number} = ${n} or ${documents.number} like ${`${likeEscape(n)}-%`})`);
  }
  if (f.from) {
    const start = tallinnLocalToInstant(`${f.from}T00:00`);
    if (start) where.push(sql`${documents.registeredAt} >= ${start.toISOString()}::timestamptz`);
  }
  if (f.to) {
    const end = tallinnLocalToInstant(`${f.to}T00:00`);
    if (end) where.push(sql`${documents.registeredAt} < ${end.toISOString()}::timestamptz + interval '1 day'`);
  }
  if (f.type) where.push(eq(documents.typeCode, f.type));
  if (f.series) where.push(eq(documents.seriesCode, f.series));
  if (f.unit) where.push(eq(documents.unitCode, f.unit));
  if (f.direction) where.push(eq(documents.direction, f.direction));
  if (f.words) {
    const words = f.words.split(/\s+/).filter(Boolean).slice(0, 6);
    // A personal code is never a search term: searching for one must not tell whether it is
    // anywhere in the register.
    if (words.some((w) => LOOKS_LIKE_PERSONAL_CODE.test(w))) return null;
    // Only public titles are searched, and never for the private party's own name.
    where.push(titleIsPublic(today));
    for (const word of words) {
      const pattern = `%${likeEscape(word)}%`;
      where.push(sql`${documents.title} ilike ${pattern}`);
      where.push(sql`not exists (select 1 from ${clients} where ${clients.id} = ${documents.clientId} and ${fullName(clients)} ilike ${pattern})`);
    }
  }
  const cursor = decodeCursor(f.cursor);
  if (cursor) where.push(sql`(${documents.registeredAt}, ${documents.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  return where;
}

/** `tooBroad`: the search ran past its time limit (search-budget.ts) and found nothing to show. */
export type PublicPage = { entries: PublicEntry[]; nextCursor: string | null; today: string; tooBroad?: true };

/** One page of the register, newest first, as the public sees it. */
export async function searchPublicRegister(f: PublicFilters, locale: Locale, now = new Date()): Promise<PublicPage> {
  const today = tallinnDay(now);
  const where = conditions(f, today);
  if (!where) return { entries: [], nextCursor: null, today };
  const limit = Math.min(f.limit ?? 50, 500);
  const query = (db: Pick<Db, 'select'>): Promise<PublicRow[]> =>
    db
      .select(columns)
      .from(documents)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(documents.registeredAt), desc(documents.id))
      .limit(limit + 1);
  // Browsing (no values) has one good plan and runs prepared; a search is planned per run,
  // within its time limit.
  const rows = isSearch(f) ? await withinSearchBudget(await getSearchDb(), query) : await query(await getDb());
  if (rows === TOO_BROAD) return { entries: [], nextCursor: null, today, tooBroad: true };
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return { entries: page.map((r) => toPublicEntry(r, today, locale)), nextCursor: last ? encodeCursor(last.registeredAt, last.id) : null, today };
}

/** The entry at its permanent address; a number used again in another year: `year` picks, else the newest. */
export async function publicEntry(number: string, year: number | null, locale: Locale, now = new Date()): Promise<PublicEntry | null> {
  const db = await getDb();
  const rows: PublicRow[] = await db
    .select(columns)
    .from(documents)
    .where(and(eq(documents.number, number), year ? eq(documents.year, year) : undefined))
    .orderBy(desc(documents.registeredAt))
    .limit(1);
  return rows[0] ? toPublicEntry(rows[0], tallinnDay(now), locale) : null;
}

/** The choices of the search form: document types, series and departments. */
export async function publicFilterOptions(locale: Locale) {
  const db = await getDb();
  const [reference, series] = await Promise.all([
    registerReference(db),
    db.select({ code: registerSeries.code, name: registerSeries.name }).from(registerSeries).orderBy(asc(registerSeries.code)),
  ]);
  const en = locale === 'en';
  return {
    types: reference.types.map((t) => ({ code: t.code, name: en ? t.nameEn : t.nameEt })),
    series: series.map((s) => ({ code: s.code, name: `${s.code} ${s.name}` })),
    units: reference.units.map((u) => ({ code: u.code, name: en ? u.nameEn : u.nameEt })),
  };
}
