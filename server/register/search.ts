// The register's search and list: the filter, its SQL conditions, keyset pages and the rows a list shows.
import { and, type AnyColumn, asc, desc, eq, gte, ilike, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, getSearchDb, type Db } from '@/db/client';
import { accessGrounds, clients, documents, documentTypes, staff, units } from '@/db/schema';
import type { Locale } from '@/lib/i18n';
import type { DocumentStatus } from '@/lib/register-schema';
import { authorize } from '@/server/auth/policy';
import { addDays, daysBetween, tallinnDate } from '@/server/calendar/working-days';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { frontDeskColumn, visibleDocuments, withHeldWorkNow, type RegisterActor } from './visibility';

export type DocumentListItem = {
  id: string;
  number: string;
  year: number;
  registeredAt: Date;
  receivedAt: Date;
  title: string;
  /** A restricted document whose contents the reader may not open: title and party are empty. */
  contentsHidden: boolean;
  typeName: string;
  direction: 'incoming' | 'outgoing';
  channel: string;
  status: DocumentStatus;
  party: string;
  clientCode: string | null;
  unitName: string;
  assigneeName: string | null;
  dueDate: string | null;
  daysLeft: number | null;
  isPaused: boolean;
  isRestricted: boolean;
  restrictionLabel: string | null;
  restrictionUntil: string | null;
};

export type DocumentFilter = {
  /** The reader's language: the rows' type and department names in it (Estonian by default). */
  locale?: Locale;
  view?: 'mine' | 'unit' | 'all';
  number?: string;
  year?: number;
  client?: string;
  typeCode?: string;
  status?: DocumentStatus | 'open';
  channel?: string;
  from?: string;
  to?: string;
  assigneeId?: string;
  /**
   * The clients whose name contains `client` (set by searchDocuments when there are few):
   * the search then reads those clients' documents by index instead of every document.
   */
  clientIds?: readonly string[];
  /** Absent people whose work the actor holds (server/org/substitution.ts): their documents are "mine" too. */
  heldFor?: readonly string[];
  overdueOnly?: boolean;
  sort?: 'registered' | 'due';
  cursor?: string;
  limit?: number;
};

export const OPEN: DocumentStatus[] = ['registered', 'in_progress', 'waiting_for_client'];
// Written as the partial indexes' predicate (documents_open_due_idx,
// documents_unit_open_registered_idx): literals, not parameters, so that a prepared
// statement's generic plan can use those indexes too.
const isOpen = sql`${documents.status} in (${sql.raw(OPEN.map((s) => `'${s}'`).join(', '))})`;
const FAR_FUTURE = '9999-12-31';

// Keyset pagination: the cursor is the last row's sort key and id, so a page costs the
// same however deep the reader goes, and rows registered meanwhile do not shift pages.
function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    return typeof key === 'string' && /^[0-9a-f-]{36}$/.test(id) ? [key, id] : null;
  } catch {
    return null;
  }
}
const encodeCursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

/**
 * The search's conditions. `entries`: every register entry (the register is searched by
 * everyone with register access; what a row shows of a restricted document's contents is
 * decided per row, see searchDocuments); else only the documents whose contents the actor
 * may open.
 */
export function documentConditions(actor: RegisterActor, f: DocumentFilter, today: string, scope: 'contents' | 'entries' = 'contents'): SQL[] {
  const conditions: SQL[] = [];
  const visible = visibleDocuments(actor);
  if (visible && scope === 'contents') conditions.push(visible);
  if (f.view === 'mine') conditions.push(f.heldFor?.length ? inArray(documents.assigneeId, [actor.id, ...f.heldFor]) : eq(documents.assigneeId, actor.id));
  if (f.view === 'unit') conditions.push(eq(documents.unitCode, actor.unitCode));
  if (f.number) {
    const number = f.number.trim();
    conditions.push(or(eq(documents.number, number), like(documents.number, `${number.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`))!);
  }
  if (f.year) conditions.push(eq(documents.year, f.year));
  if (f.client) {
    const q = f.client.trim();
    if (/^\d{11}$/.test(q)) conditions.push(sql`${documents.clientId} = (select ${clients.id} from ${clients} where ${clients.personalCode} = ${q})`);
    else {
      const pattern = clientNamePattern(q);
      // Same rows either way: the documents of clients with such a name, or from such an institution.
      const byClient = f.clientIds
        ? inArray(documents.clientId, [...f.clientIds])
        : sql`${documents.clientId} in (select ${clients.id} from ${clients} where ${fullName(clients)} ilike ${pattern})`;
      conditions.push(or(byClient, ilike(documents.institutionName, pattern))!);
    }
  }
  if (f.typeCode) conditions.push(eq(documents.typeCode, f.typeCode));
  if (f.status === 'open') conditions.push(isOpen);
  else if (f.status) conditions.push(eq(documents.status, f.status));
  if (f.channel) conditions.push(eq(documents.channel, f.channel as 'post'));
  const from = f.from ? tallinnLocalToInstant(`${f.from}T00:00`) : null;
  const to = f.to ? tallinnLocalToInstant(`${addDays(f.to, 1)}T00:00`) : null;
  if (from) conditions.push(gte(documents.registeredAt, from));
  if (to) conditions.push(lt(documents.registeredAt, to));
  if (f.assigneeId) conditions.push(eq(documents.assigneeId, f.assigneeId));
  if (f.overdueOnly) conditions.push(and(isOpen, lt(documents.dueDate, today))!);
  return conditions;
}

/** A person's full name (a client or a member of staff, or an alias of either). */
export const fullName = (t: { givenName: AnyColumn; familyName: AnyColumn }) => sql<string>`${t.givenName} || ' ' || ${t.familyName}`;
const clientNamePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Up to this many matching clients are searched by their ids (clients_name_trgm_idx, documents_client_idx). */
const CLIENT_IDS_MAX = 2000;

/**
 * A search by a part of a name: the clients who match, when they are few enough to look
 * their documents up by index (pg_trgm finds them); else undefined, and the search filters
 * the joined rows as before (an unselective name matches early in date order anyway).
 */
async function clientIdsForName(db: Db, client: string | undefined): Promise<string[] | undefined> {
  const q = client?.trim();
  if (!q || /^\d{11}$/.test(q)) return undefined;
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(ilike(fullName(clients), clientNamePattern(q)))
    .limit(CLIENT_IDS_MAX + 1);
  return rows.length > CLIENT_IDS_MAX ? undefined : rows.map((r) => r.id);
}

/** The register search as one SQL statement (exported so the benchmark can run the very same SQL raw). */
export function documentSearchQuery(db: Db, actor: RegisterActor, filter: DocumentFilter, today: string) {
  const limit = Math.min(filter.limit ?? 50, 500);
  const conditions = documentConditions(actor, filter, today, 'entries');
  const sort = filter.sort === 'due' ? 'due' : 'registered';
  // Written as in documents_open_due_idx (a literal, not a parameter), so the index serves the order.
  const dueKey = sql<string>`coalesce(${documents.dueDate}, '9999-12-31'::date)`;
  const cursor = decodeCursor(filter.cursor);
  if (cursor) {
    conditions.push(
      sort === 'due'
        ? sql`(${dueKey}, ${documents.id}) > (${cursor[0]}::date, ${cursor[1]}::uuid)`
        : sql`(${documents.registeredAt}, ${documents.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
    );
  }
  return db
    .select({
      // Only what a list row shows (and the cursor needs): a page of 50 whole rows was most
      // of the query's bytes and of drizzle's mapping time (bench:load).
      doc: {
        id: documents.id,
        number: documents.number,
        year: documents.year,
        registeredAt: documents.registeredAt,
        receivedAt: documents.receivedAt,
        title: documents.title,
        direction: documents.direction,
        channel: documents.channel,
        status: documents.status,
        institutionName: documents.institutionName,
        dueDate: documents.dueDate,
        isRestricted: documents.isRestricted,
        restrictionUntil: documents.restrictionUntil,
      },
      // Names by their keys, one row each, instead of joins: joined, the statement took
      // PostgreSQL 2 ms to plan for 0.2 ms of work, and a list page plans it every time
      // (custom plans; bench:load with track_planning); this way it plans in under 0.2 ms.
      typeName: sql<string>`(select ${filter.locale === 'en' ? documentTypes.nameEn : documentTypes.nameEt} from ${documentTypes} where ${documentTypes.code} = ${documents.typeCode})`,
      clientCode: sql<string | null>`(select ${clients.personalCode} from ${clients} where ${clients.id} = ${documents.clientId})`,
      clientName: sql<string | null>`(select ${fullName(clients)} from ${clients} where ${clients.id} = ${documents.clientId})`,
      unitName: sql<string>`(select ${filter.locale === 'en' ? units.nameEn : units.nameEt} from ${units} where ${units.code} = ${documents.unitCode})`,
      assigneeName: sql<string | null>`(select ${fullName(staff)} from ${staff} where ${staff.id} = ${documents.assigneeId})`,
      groundLabel: sql<string | null>`(select ${accessGrounds.label} from ${accessGrounds} where ${accessGrounds.code} = ${documents.restrictionGroundCode})`,
      // Whether the row's title and party may be shown (the contents' readers and its registrar).
      open: frontDeskColumn(actor),
    })
    .from(documents)
    .where(and(...conditions))
    .orderBy(...(sort === 'due' ? [asc(dueKey), asc(documents.id)] : [desc(documents.registeredAt), desc(documents.id)]))
    .limit(limit + 1);
}

/**
 * Whether the search has values a good plan depends on (a name, a number, a type, dates…):
 * those are planned for each run (getSearchDb). Browsing the list, a tab or the open
 * documents has one good plan, by the registration-date or the open-documents indexes, so
 * it runs prepared: planning the five-table join each time was most of PostgreSQL's CPU
 * for a list page (bench:load, per page alone).
 */
export function plannedPerRun(f: DocumentFilter): boolean {
  return Boolean(
    f.number ||
    f.year ||
    f.client ||
    f.clientIds ||
    f.typeCode ||
    (f.status && f.status !== 'open') ||
    f.channel ||
    f.from ||
    f.to ||
    f.assigneeId ||
    f.overdueOnly,
  );
}

export async function searchDocuments(actor: RegisterActor, filter: DocumentFilter): Promise<{ rows: DocumentListItem[]; nextCursor: string | null }> {
  authorize(actor, 'register.read');
  const db = await getDb();
  const today = tallinnDate(new Date());
  const limit = Math.min(filter.limit ?? 50, 500);
  const sort = filter.sort === 'due' ? 'due' : 'registered';
  actor = await withHeldWorkNow(actor);
  if (filter.view === 'mine' && !filter.heldFor) filter = { ...filter, heldFor: actor.heldFor };
  if (filter.client && !filter.clientIds) filter = { ...filter, clientIds: await clientIdsForName(db, filter.client) };
  const rows = await documentSearchQuery(plannedPerRun(filter) ? await getSearchDb() : db, actor, filter, today);
  const page = rows.slice(0, limit).map(({ doc, ...r }) => {
    // A restricted document's title and party are part of its contents: the entry shows neither.
    const hidden = doc.isRestricted && !r.open;
    return {
      id: doc.id,
      number: doc.number,
      year: doc.year,
      registeredAt: doc.registeredAt,
      receivedAt: doc.receivedAt,
      title: hidden ? '' : doc.title,
      contentsHidden: hidden,
      typeName: r.typeName,
      direction: doc.direction,
      channel: doc.channel,
      status: doc.status,
      party: hidden ? '' : (r.clientName ?? doc.institutionName ?? ''),
      clientCode: hidden ? null : r.clientCode,
      unitName: r.unitName,
      assigneeName: r.assigneeName,
      dueDate: doc.dueDate,
      daysLeft: doc.dueDate && OPEN.includes(doc.status) ? daysBetween('calendar_days', today, doc.dueDate) : null,
      isPaused: doc.status === 'waiting_for_client',
      isRestricted: doc.isRestricted,
      restrictionLabel: r.groundLabel,
      restrictionUntil: doc.restrictionUntil,
    };
  });
  const last = rows.length > limit ? page.at(-1)! : null;
  const lastDoc = last ? rows[limit - 1]!.doc : null;
  return {
    rows: page,
    nextCursor: lastDoc ? encodeCursor(sort === 'due' ? (lastDoc.dueDate ?? FAR_FUTURE) : lastDoc.registeredAt.toISOString(), lastDoc.id) : null,
  };
}
