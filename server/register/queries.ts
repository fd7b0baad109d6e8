import { aliasedTable, and, type AnyColumn, asc, desc, eq, gte, ilike, inArray, isNull, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb, getSearchDb, type Db } from '@/db/client';
import { accessGrounds, attachments, clients, documentEvents, documents, documentTypes, missingRequests, staff, units } from '@/db/schema';
import { isValidPersonalCode } from '@/lib/personal-code';
import type { DocumentStatus } from '@/lib/register-schema';
import { auditRefusal } from '@/server/audit/refusal';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { addDays, daysBetween, tallinnDate } from '@/server/calendar/working-days';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { databaseStorage } from '@/server/files/storage';
import { registerReference } from './reference-cache';
import { canSeeDocument, frontDeskColumn, visibleDocuments, withHeldWorkNow, type RegisterActor } from './visibility';

const assignee = aliasedTable(staff, 'assignee');

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

const OPEN: DocumentStatus[] = ['registered', 'in_progress', 'waiting_for_client'];
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
const fullName = (t: { givenName: AnyColumn; familyName: AnyColumn }) => sql<string>`${t.givenName} || ' ' || ${t.familyName}`;
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
      typeName: sql<string>`(select ${documentTypes.nameEt} from ${documentTypes} where ${documentTypes.code} = ${documents.typeCode})`,
      clientCode: sql<string | null>`(select ${clients.personalCode} from ${clients} where ${clients.id} = ${documents.clientId})`,
      clientName: sql<string | null>`(select ${fullName(clients)} from ${clients} where ${clients.id} = ${documents.clientId})`,
      unitName: sql<string>`(select ${units.nameEt} from ${units} where ${units.code} = ${documents.unitCode})`,
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

/**
 * How much of a document the actor may see: `contents` (its department, assignee and their
 * substitutes, managers and administrators: everything), `frontDesk` (the person who registered
 * it: the title and party, status, deadline and what is missing, adding scans and what the
 * client brings; not its files, history details or issued PDFs) or `entry` (everyone else with
 * register access: the register entry, without the title and party of a restricted document).
 */
export type DocumentAccess = 'contents' | 'frontDesk' | 'entry';

export function documentAccess(
  actor: RegisterActor,
  doc: { isRestricted: boolean; unitCode: string; assigneeId: string | null; createdBy: string },
): DocumentAccess {
  if (canSeeDocument(actor, doc)) return 'contents';
  return doc.createdBy === actor.id ? 'frontDesk' : 'entry';
}

/**
 * The document card: the register entry for everyone with register access; its matter, files
 * and history for those who may open its contents (`documentAccess`). Opening contents is
 * audited with its purpose, and so is the front desk's view of a restricted document's title
 * and party.
 */
export async function getDocumentCard(actor: RegisterActor, id: string, ctx: { requestId: string; purpose?: string }) {
  const role = authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [row] = await db
    .select({
      doc: documents,
      type: documentTypes,
      client: clients,
      unitName: units.nameEt,
      unitNameEn: units.nameEn,
      assigneeName: sql<string | null>`${fullName(assignee)}`,
      ground: accessGrounds,
    })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.code, documents.typeCode))
    .innerJoin(units, eq(units.code, documents.unitCode))
    .leftJoin(clients, eq(clients.id, documents.clientId))
    .leftJoin(assignee, eq(assignee.id, documents.assigneeId))
    .leftJoin(accessGrounds, eq(accessGrounds.code, documents.restrictionGroundCode))
    .where(eq(documents.id, id));
  if (!row) return null;
  const access = documentAccess(actor, row.doc);
  const today = tallinnDate(new Date());
  const daysLeft = row.doc.dueDate && OPEN.includes(row.doc.status) ? daysBetween('calendar_days', today, row.doc.dueDate) : null;
  if (access !== 'contents') {
    // The entry, and for its registrar what the front desk needs; nothing of the contents.
    const shown = access === 'frontDesk' || !row.doc.isRestricted;
    const [openRequest, fileCount] = await Promise.all([
      access === 'frontDesk'
        ? db
            .select()
            .from(missingRequests)
            .where(and(eq(missingRequests.documentId, id), isNull(missingRequests.resolvedAt)))
        : Promise.resolve([]),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(attachments)
        .where(eq(attachments.documentId, id)),
      access === 'frontDesk' && row.doc.isRestricted
        ? recordAudit(
            {
              actorCode: actor.personalCode,
              actorRole: role,
              action: 'document.view',
              entityType: 'document',
              entityId: id,
              subjectCode: row.client?.personalCode ?? null,
              purpose: ctx.purpose ?? `dokument ${row.doc.number} (registreerija)`,
              requestId: ctx.requestId,
              details: { scope: 'front_desk' },
            },
            db,
          )
        : Promise.resolve(),
    ]);
    return {
      ...row,
      doc: shown ? row.doc : { ...row.doc, title: '', clientId: null, institutionName: null, institutionCode: null, senderReference: null, senderDate: null },
      client: shown ? row.client : null,
      access,
      daysLeft,
      events: [] as (typeof documentEvents.$inferSelect & { actorName: string | null })[],
      attachments: [] as (typeof attachments.$inferSelect & { certifiedByName: string | null })[],
      attachmentCount: fileCount[0]?.n ?? 0,
      openRequest: openRequest[0] ?? null,
      matter: [] as {
        id: string;
        number: string;
        title: string;
        direction: 'incoming' | 'outgoing';
        status: DocumentStatus;
        registeredAt: Date;
        typeName: string;
      }[],
    };
  }
  const visible = visibleDocuments(actor);
  const actorName = sql<string | null>`${fullName(staff)}`;
  // The view is audited alongside the reads (the row is already known to be visible): one
  // round trip fewer for every card under load.
  const [events, files, openRequest, matter] = await Promise.all([
    db
      .select({ event: documentEvents, actorName })
      .from(documentEvents)
      .leftJoin(staff, eq(staff.id, documentEvents.actorId))
      .where(eq(documentEvents.documentId, id))
      .orderBy(asc(documentEvents.at)),
    db
      .select({ attachment: attachments, certifiedByName: actorName })
      .from(attachments)
      .leftJoin(staff, eq(staff.id, attachments.certifiedBy))
      .where(eq(attachments.documentId, id))
      .orderBy(asc(attachments.uploadedAt)),
    db
      .select()
      .from(missingRequests)
      .where(and(eq(missingRequests.documentId, id), isNull(missingRequests.resolvedAt))),
    db
      .select({
        id: documents.id,
        number: documents.number,
        title: documents.title,
        direction: documents.direction,
        status: documents.status,
        registeredAt: documents.registeredAt,
        typeName: documentTypes.nameEt,
      })
      .from(documents)
      .innerJoin(documentTypes, eq(documentTypes.code, documents.typeCode))
      .where(and(eq(documents.matterId, row.doc.matterId), ne(documents.id, id), visible))
      .orderBy(asc(documents.suffix)),
    recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'document.view',
        entityType: 'document',
        entityId: id,
        subjectCode: row.client?.personalCode ?? null,
        purpose: ctx.purpose ?? `dokument ${row.doc.number}`,
        requestId: ctx.requestId,
      },
      db,
    ),
  ]);
  return {
    ...row,
    access,
    daysLeft,
    attachmentCount: files.length,
    events: events.map((e) => ({ ...e.event, actorName: e.actorName })),
    attachments: files.map((f) => ({ ...f.attachment, certifiedByName: f.certifiedByName })),
    openRequest: openRequest[0] ?? null,
    matter,
  };
}

/** File bytes for a download, only for a document the actor may see; the download is audited. */
export async function readAttachment(actor: RegisterActor, attachmentId: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [row] = await db
    .select({ attachment: attachments, number: documents.number, clientCode: clients.personalCode })
    .from(attachments)
    .innerJoin(documents, eq(documents.id, attachments.documentId))
    .leftJoin(clients, eq(clients.id, documents.clientId))
    .where(and(eq(attachments.id, attachmentId), visibleDocuments(actor)));
  if (!row) {
    // Another unit's restricted scan: "not found", as a missing one; the attempt is audited.
    const [hidden] = await db
      .select({ clientCode: clients.personalCode })
      .from(attachments)
      .innerJoin(documents, eq(documents.id, attachments.documentId))
      .leftJoin(clients, eq(clients.id, documents.clientId))
      .where(eq(attachments.id, attachmentId));
    if (hidden)
      await auditRefusal(
        actor,
        'attachment.download',
        { entityType: 'attachment', entityId: attachmentId, subjectCode: hidden.clientCode, reason: 'out_of_scope' },
        ctx.requestId,
      );
    return null;
  }
  const bytes = await databaseStorage.get(db, attachmentId);
  if (!bytes) return null;
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'attachment.download',
      entityType: 'attachment',
      entityId: attachmentId,
      subjectCode: row.clientCode,
      purpose: `dokument ${row.number}`,
      requestId: ctx.requestId,
    },
    db,
  );
  return { ...row.attachment, bytes };
}

/** Choices for the registration and work forms. */
/** The register's choices, named in `locale` (the page's language). */
export async function registerOptions(actor: RegisterActor, locale: string = 'et') {
  authorize(actor, 'register.read');
  const db = await getDb();
  const [reference, people] = await Promise.all([
    registerReference(db),
    // People are not cached: a new colleague is assignable at once.
    db
      .select({ id: staff.id, givenName: staff.givenName, familyName: staff.familyName, unitCode: staff.unitCode })
      .from(staff)
      .where(and(eq(staff.isActive, true), sql`${staff.roles} && array['specialist','manager']::role[]`))
      .orderBy(asc(staff.familyName), asc(staff.givenName)),
  ]);
  return {
    types: documentTypeOptions(reference.types, locale),
    grounds: reference.grounds.map((g) => ({
      code: g.code,
      label: g.label,
      explanation: locale === 'en' ? g.explanationEn : g.explanationEt,
      termYears: g.termYears,
    })),
    units: reference.units.map((u) => ({ value: u.code, label: locale === 'en' ? u.nameEn : u.nameEt })),
    people: people.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName}`, unitCode: p.unitCode })),
  };
}

function documentTypeOptions(types: (typeof documentTypes.$inferSelect)[], locale: string) {
  return types.map((t) => ({
    code: t.code,
    name: locale === 'en' ? t.nameEn : t.nameEt,
    direction: t.direction,
    defaultRestricted: t.defaultRestricted,
    defaultGroundCode: t.defaultGroundCode,
    defaultUnitCode: t.defaultUnitCode,
    deadlineKind: t.deadlineKind,
    deadlineDays: t.deadlineDays,
  }));
}

/** The active document types, for the register's search form (no people or grounds needed there). */
export async function documentTypeChoices(actor: RegisterActor): Promise<{ code: string; name: string }[]> {
  authorize(actor, 'register.read');
  const { types } = await registerReference(await getDb());
  return types.map((t) => ({ code: t.code, name: t.nameEt }));
}

/** The client's name for the registration form; a hit is audited like any view of their data. */
export async function findClientByCode(actor: RegisterActor, personalCode: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'clients.read');
  if (!isValidPersonalCode(personalCode)) return null;
  const db = await getDb();
  const [client] = await db
    .select({ id: clients.id, givenName: clients.givenName, familyName: clients.familyName })
    .from(clients)
    .where(eq(clients.personalCode, personalCode));
  if (client) {
    await recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'client.lookup',
        entityType: 'client',
        entityId: client.id,
        subjectCode: personalCode,
        purpose: 'dokumendi registreerimine',
        requestId: ctx.requestId,
      },
      db,
    );
  }
  return client ?? null;
}
