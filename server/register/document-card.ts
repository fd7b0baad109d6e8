// The document card: how much of a document the actor may see, and the card that shows it.
import { aliasedTable, and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessGrounds, attachments, clients, documentEvents, documents, documentTypes, missingRequests, staff, units } from '@/db/schema';
import type { DocumentStatus } from '@/lib/register-schema';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { daysBetween, tallinnDate } from '@/server/calendar/working-days';
import { fullName, OPEN } from './search';
import { canSeeDocument, visibleDocuments, withHeldWorkNow, type RegisterActor } from './visibility';

const assignee = aliasedTable(staff, 'assignee');

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
