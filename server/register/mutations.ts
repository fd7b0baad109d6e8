import { randomUUID, createHash } from 'node:crypto';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb, selectRows, type Db } from '@/db/client';
import { accessGrounds, attachments, clients, documentEvents, documents, documentTypes, identityChecks, missingRequests, staff, units } from '@/db/schema';
import {
  extendDeadlineSchema,
  forwardSchema,
  forwardToAuthoritySchema,
  missingReceivedSchema,
  missingRequestSchema,
  registerDocumentSchema,
  replySchema,
  SCAN_TYPES,
  statusSchema,
  type DocumentStatus,
  type ExtendDeadlineInput,
  type ForwardInput,
  type ForwardToAuthorityInput,
  type MissingRequestInput,
  type RegisterDocumentInput,
  type ReplyInput,
} from '@/lib/register-schema';
import { fill, type Messages } from '@/lib/i18n';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { appendAudit, appendCall, appendStatement, type AuditEntry } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { addDays, daysBetween, dueDate, nextWorkingDay, tallinnDate, type DeadlineRule, type IsoDate } from '@/server/calendar/working-days';
import { RecordRefused } from '@/server/audit/refusal';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { checkFile, safeFileName } from '@/server/files/check-upload';
import { assertFilesArrived } from '@/server/files/form-with-files';
import { databaseStorage } from '@/server/files/storage';
import { notifyHandover } from '@/server/notifications/handover';
import { assignFairly, assignToPerson, type DocumentAssignment } from '@/server/workload/assign';
import { loadCalendar } from './calendar';
import { allocateInMatter, allocateNumber, numberInStatement } from './numbering';
import { canSeeDocument, frontDeskDocuments, visibleDocuments, withHeldWork, type RegisterActor } from './visibility';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type RequestContext = { requestId: string; now?: Date };
import type { UploadedFile } from '@/server/files/form-with-files';
import { loweredBy, MB, UPLOAD_MB } from '@/lib/upload-limits';

export type { UploadedFile };

// lib/upload-limits.ts: the environment may lower the register's limits, never raise them
// above what nginx and Next let through.
export const uploadLimits = () => ({
  fileBytes: loweredBy(process.env.ATTACHMENT_MAX_MB, UPLOAD_MB.scanMb),
  documentBytes: loweredBy(process.env.DOCUMENT_MAX_MB, UPLOAD_MB.documentScansMb),
});

const fileErrorKeys = {
  empty: 'errors.fileEmpty',
  'too-large': 'errors.fileTooLarge',
  'unknown-type': 'errors.fileType',
  'type-not-allowed': 'errors.fileType',
  'name-mismatch': 'errors.fileNameMismatch',
} as const;

/** Checks every file before anything is written: one bad file refuses the whole registration. */
export function checkScans(files: UploadedFile[]) {
  assertFilesArrived(files);
  const limits = uploadLimits();
  let total = 0;
  return files.map((file) => {
    const name = safeFileName(file.name);
    const check = checkFile(name, file.bytes, { allowed: SCAN_TYPES, maxBytes: limits.fileBytes });
    if (!check.ok) throw new DomainError(fileErrorKeys[check.error], 'files', { name, mb: String(limits.fileBytes / MB) });
    total += file.bytes.length;
    if (total > limits.documentBytes) throw new DomainError('errors.documentTooLarge', 'files', { mb: String(limits.documentBytes / MB) });
    return { name, mime: check.mime, bytes: file.bytes, sha256: createHash('sha256').update(file.bytes).digest('hex') };
  });
}

/** Stores checked scans as the document's attachments, in the registering transaction. */
export async function storeScans(tx: Tx, actor: { id: string }, documentId: string, scans: ReturnType<typeof checkScans>) {
  for (const scan of scans) {
    const [row] = await tx
      .insert(attachments)
      .values({
        documentId,
        fileName: scan.name,
        mimeType: scan.mime,
        size: scan.bytes.length,
        sha256: scan.sha256,
        storage: databaseStorage.kind,
        uploadedBy: actor.id,
      })
      .returning({ id: attachments.id });
    await databaseStorage.put(tx, row!.id, scan.bytes);
  }
}

const eventInsert = (
  tx: Tx,
  documentId: string,
  actor: RegisterActor,
  kind: string,
  details: Record<string, unknown> | null = null,
  note: string | null = null,
) => tx.insert(documentEvents).values({ documentId, actorId: actor.id, kind, details, note: note || null });

async function addEvent(...args: Parameters<typeof eventInsert>) {
  await eventInsert(...args);
}

/**
 * Writes that need nothing back, sent as one statement (data-modifying CTEs, then the audit
 * append as its main query): one round trip instead of one each.
 * The CTEs run on one snapshot and foreign keys are checked at the statement's end, so a
 * row and the rows that refer to it may go together.
 */
async function writeTogether(tx: Tx, writes: { getSQL(): SQL }[], audit: AuditEntry) {
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await tx.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${appendStatement(audit)}` : appendStatement(audit));
}

const ruleOf = (t: { deadlineKind: 'none' | 'calendar_days' | 'working_days'; deadlineDays: number | null }): DeadlineRule =>
  t.deadlineKind === 'none' || !t.deadlineDays ? { kind: 'none' } : { kind: t.deadlineKind, days: t.deadlineDays };

// A document sent to us that belongs to another authority is forwarded within 5 working
// days, and the sender is told (MSVS § 6 lg 2; the same practice for other letters).
const OTHER_AUTHORITY_RULE: DeadlineRule = { kind: 'working_days', days: 5 };

function addYears(date: IsoDate, years: number): IsoDate {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

const auditEntry = (
  actor: RegisterActor,
  role: string,
  action: string,
  doc: { id: string; clientCode?: string | null },
  ctx: RequestContext,
  details?: Record<string, unknown>,
): AuditEntry => ({
  actorCode: actor.personalCode,
  actorRole: role,
  action,
  entityType: 'document',
  entityId: doc.id,
  subjectCode: doc.clientCode ?? null,
  requestId: ctx.requestId,
  details: details ?? null,
});

async function auditChange(tx: Tx, ...args: Parameters<typeof auditEntry>) {
  await appendAudit(tx, auditEntry(...args));
}

export async function registerDocument(
  actor: RegisterActor,
  input: RegisterDocumentInput,
  files: UploadedFile[],
  ctx: RequestContext,
  // A feature that registers its own kind of application (e.g. an overpayment application)
  // writes its structured data here, in the same transaction as the register entry.
  within?: (tx: Tx, doc: { id: string; number: string; clientId: string | null; role: string }) => Promise<void>,
): Promise<{ id: string; number: string }> {
  const role = authorize(actor, 'register.write');
  const data = registerDocumentSchema.parse(input);
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  const receivedAt = tallinnLocalToInstant(data.receivedAt);
  if (!receivedAt) throw new DomainError('errors.dateTime', 'receivedAt');
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw new DomainError('errors.futureDate', 'receivedAt');
  if (data.identityChecked && data.identityValidUntil < today) throw new DomainError('errors.identityExpired', 'identityValidUntil');
  const scans = checkScans(files);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [type] = await tx
        .select()
        .from(documentTypes)
        .where(and(eq(documentTypes.code, data.typeCode), eq(documentTypes.isActive, true)));
      if (!type || type.direction !== 'incoming') throw new DomainError('errors.unknownReference', 'typeCode');
      const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, data.unitCode));
      if (!unit) throw new DomainError('errors.unknownReference', 'unitCode');
      if (data.assigneeId) {
        const [person] = await tx
          .select({ id: staff.id })
          .from(staff)
          .where(and(eq(staff.id, data.assigneeId), eq(staff.isActive, true)));
        if (!person) throw new DomainError('errors.unknownReference', 'assigneeId');
      }
      let restrictionUntil: string | null = null;
      if (data.isRestricted) {
        const [ground] = await tx
          .select()
          .from(accessGrounds)
          .where(and(eq(accessGrounds.code, data.restrictionGroundCode), eq(accessGrounds.isActive, true)));
        if (!ground) throw new DomainError('errors.unknownReference', 'restrictionGroundCode');
        // The term follows from the ground (75 years for personal data) unless set.
        restrictionUntil = data.restrictionUntil || addYears(today, ground.termYears);
        if (restrictionUntil <= today) throw new DomainError('errors.restrictionEnd', 'restrictionUntil');
      }

      let clientId: string | null = null;
      let clientCode: string | null = null;
      if (data.party === 'client') {
        await tx
          .insert(clients)
          .values({ personalCode: data.clientCode, givenName: data.clientGivenName, familyName: data.clientFamilyName })
          .onConflictDoNothing();
        const [client] = await tx.select().from(clients).where(eq(clients.personalCode, data.clientCode));
        clientId = client!.id;
        clientCode = client!.personalCode;
        if (data.identityChecked) {
          await tx.insert(identityChecks).values({
            clientId,
            documentType: data.identityDocumentType as 'id_card',
            documentNumber: data.identityDocumentNumber.toUpperCase(),
            validUntil: data.identityValidUntil,
            checkedBy: actor.id,
            checkedAt: now,
          });
        }
      }

      let matterId: string | null = null;
      if (data.matterId) {
        const [matter] = await tx
          .select({ id: documents.id, matterId: documents.matterId })
          .from(documents)
          .where(and(eq(documents.id, data.matterId), visibleDocuments(actor)));
        if (!matter) throw new DomainError('errors.unknownReference', 'matterId');
        matterId = matter.matterId;
      }
      const id = randomUUID();
      const registrationYear = Number(today.slice(0, 4));
      const calendar = await loadCalendar(tx);
      const due = dueDate(data.otherAuthority ? OTHER_AUTHORITY_RULE : ruleOf(type), today, calendar);
      // The person chosen (their substitute while they are away), or with nobody chosen the
      // unit's fair distribution where it is turned on (server/workload/assign.ts).
      const assignment: DocumentAssignment = data.assigneeId
        ? await assignToPerson(tx, data.assigneeId, now)
        : ((await assignFairly(tx, { unitCode: data.unitCode, registrarId: actor.id }, type.code, now)) ?? {
            assigneeId: null,
            substituteForId: null,
            details: {},
          });
      // The number last: its counter row stays locked until commit, and under load the
      // registrations of one series queue on it (bench:load's wait events), so nothing that
      // does not need the number runs while it is held. The usual letter (no scans, no matter,
      // no application data) takes it in the one statement that writes the document, its first
      // event and the audit row, so the lock lasts that statement and the commit.
      const documentValues = {
        id,
        matterId: matterId ?? id,
        typeCode: type.code,
        direction: 'incoming' as const,
        channel: data.channel,
        receivedAt,
        registeredAt: now,
        clientId,
        institutionName: data.party === 'institution' ? data.institutionName : null,
        institutionCode: data.party === 'institution' && data.institutionCode ? data.institutionCode : null,
        title: data.title,
        senderReference: data.senderReference || null,
        senderDate: data.senderDate || null,
        pages: data.pages === '' ? null : data.pages,
        isRestricted: data.isRestricted,
        restrictionGroundCode: data.isRestricted ? data.restrictionGroundCode : null,
        restrictionFrom: data.isRestricted ? today : null,
        restrictionUntil,
        unitCode: data.unitCode,
        assigneeId: assignment.assigneeId,
        substituteForId: assignment.substituteForId,
        deadlineKind: data.otherAuthority ? ('working_days' as const) : type.deadlineKind,
        dueDate: due,
        otherAuthority: data.otherAuthority,
        createdBy: actor.id,
        submissionId: data.submissionId,
      };
      const eventDetails = (number: string) => ({
        number,
        dueDate: due,
        unit: data.unitCode,
        assignee: assignment.assigneeId,
        files: scans.length,
        ...assignment.details,
      });
      // Registered to someone else (chosen, distributed, or their substitute): they are told.
      const handOver = (number: string) =>
        notifyHandover(tx, {
          to: assignment.assigneeId,
          fromId: actor.id,
          kind: 'document.assigned',
          what: (m) => documentNamed(m, { number, title: data.title, isRestricted: data.isRestricted }),
          link: `/dokumendid/${id}`,
          substituteForId: assignment.substituteForId,
        });
      const audit = (number: string) =>
        auditEntry(actor, role, 'document.register', { id, clientCode }, ctx, {
          number,
          type: type.code,
          files: scans.map((s) => s.sha256),
        });
      if (scans.length === 0 && !within && !matterId) {
        const num = await numberInStatement(tx, type.seriesCode, registrationYear);
        const documentRow = tx
          .insert(documents)
          .values({ ...documentValues, seriesCode: type.seriesCode, year: registrationYear, sequence: num.sequence, suffix: 0, number: num.number });
        const registered = tx
          .insert(documentEvents)
          .values({ documentId: id, actorId: actor.id, kind: 'registered', details: sql`${num.inJson(JSON.stringify(eventDetails(num.numberToken)))}::jsonb` });
        const [row] = await selectRows<{ sequence: number }>(
          tx,
          sql`with ${num.cte}, w0 as (${documentRow.getSQL()}), w1 as (${registered.getSQL()})
              select ${appendCall(audit(num.numberToken), num.inJson)}, ${num.sequence} as sequence`,
        );
        const registeredNumber = num.formatted(Number(row!.sequence));
        await handOver(registeredNumber);
        return { id, number: registeredNumber };
      }
      const number = matterId ? await allocateInMatter(tx, matterId) : await allocateNumber(tx, type.seriesCode, registrationYear);
      const documentRow = tx.insert(documents).values({ ...documentValues, ...number });
      const registered = eventInsert(tx, id, actor, 'registered', eventDetails(number.number));
      if (scans.length === 0 && !within) {
        await writeTogether(tx, [documentRow, registered], audit(number.number));
      } else {
        await documentRow;
        await storeScans(tx, actor, id, scans);
        await within?.(tx, { id, number: number.number, clientId, role });
        await writeTogether(tx, [registered], audit(number.number));
      }
      await handOver(number.number);
      return { id, number: number.number };
    });
  } catch (error) {
    // The same form sent twice (a double click, a retried request): answer with the first.
    if (isUniqueViolation(error, 'documents_submission_id_unique')) {
      const [existing] = await db.select({ id: documents.id, number: documents.number }).from(documents).where(eq(documents.submissionId, data.submissionId));
      if (existing) return existing;
    }
    throw error;
  }
}

/**
 * The document, locked for this transaction; not found when the actor may not open its
 * contents (`frontDesk`: or registered it, for what the front desk does with it).
 */
async function lockDocument(tx: Tx, actor: RegisterActor, documentId: string, scope: 'contents' | 'frontDesk' = 'contents') {
  const holder = await withHeldWork(tx, actor);
  const [row] = await tx
    .select({ doc: documents, clientCode: clients.personalCode })
    .from(documents)
    .leftJoin(clients, eq(clients.id, documents.clientId))
    .where(and(eq(documents.id, documentId), scope === 'frontDesk' ? frontDeskDocuments(holder) : visibleDocuments(holder)))
    .for('update', { of: documents });
  if (!row) {
    // Another unit's restricted document answers as a missing one; runAction audits the attempt.
    const [hidden] = await tx
      .select({ clientCode: clients.personalCode })
      .from(documents)
      .leftJoin(clients, eq(clients.id, documents.clientId))
      .where(eq(documents.id, documentId));
    if (hidden) throw new RecordRefused({ entityType: 'document', entityId: documentId, subjectCode: hidden.clientCode, reason: 'out_of_scope' });
    throw new DomainError('errors.notFound');
  }
  return { ...row.doc, clientCode: row.clientCode };
}

async function typeOf(tx: Tx, code: string) {
  const [type] = await tx.select().from(documentTypes).where(eq(documentTypes.code, code));
  return type!;
}

/** Returns whether the actor can still see the document (a restricted one sent to another unit is gone from view). */
export async function forwardDocument(actor: RegisterActor, input: ForwardInput, ctx: RequestContext): Promise<{ number: string; stillVisible: boolean }> {
  const role = authorize(actor, 'register.write');
  const data = forwardSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.status === 'closed') throw new DomainError('errors.documentClosed');
    const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, data.unitCode));
    if (!unit) throw new DomainError('errors.unknownReference', 'unitCode');
    if (data.assigneeId) {
      const [person] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.id, data.assigneeId), eq(staff.isActive, true)));
      if (!person) throw new DomainError('errors.unknownReference', 'assigneeId');
    }
    // Sent to someone who is away: their substitute gets it, marked as such.
    const assignment = data.assigneeId ? await assignToPerson(tx, data.assigneeId, ctx.now ?? new Date()) : null;
    const toAssignee = assignment?.assigneeId ?? null;
    await tx
      .update(documents)
      .set({ unitCode: data.unitCode, assigneeId: toAssignee, substituteForId: assignment?.substituteForId ?? null, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(
      tx,
      doc.id,
      actor,
      'forwarded',
      { fromUnit: doc.unitCode, toUnit: data.unitCode, fromAssignee: doc.assigneeId, toAssignee, ...assignment?.details },
      data.note,
    );
    await notifyHandover(tx, {
      to: toAssignee,
      fromId: actor.id,
      kind: 'document.forwarded',
      what: (m) => documentNamed(m, doc, 'Forwarded'),
      link: `/dokumendid/${doc.id}`,
      substituteForId: assignment?.substituteForId,
      note: data.note,
    });
    await auditChange(tx, actor, role, 'document.forward', doc, ctx, {
      toUnit: data.unitCode,
      toAssignee,
      ...(assignment?.substituteForId ? { substituteFor: assignment.substituteForId } : {}),
    });
    return {
      number: doc.number,
      stillVisible: canSeeDocument(actor, { isRestricted: doc.isRestricted, unitCode: data.unitCode, assigneeId: toAssignee }),
    };
  });
}

// Statuses a person may set by hand; waiting for the client and answered follow from the
// missing-documents request and the reply.
const manualTransitions: Partial<Record<DocumentStatus, DocumentStatus[]>> = {
  registered: ['in_progress', 'closed'],
  in_progress: ['closed'],
  answered: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export async function setDocumentStatus(actor: RegisterActor, input: { documentId: string; status: DocumentStatus }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const data = statusSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.status === data.status) return;
    if (!manualTransitions[doc.status]?.includes(data.status)) throw new DomainError('errors.statusChange');
    await tx
      .update(documents)
      .set({ status: data.status, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'status', { from: doc.status, to: data.status });
    await auditChange(tx, actor, role, 'document.status', doc, ctx, { from: doc.status, to: data.status });
  });
}

/**
 * Haldusmenetluse seadus § 15 lg 2: ask the client for what is missing, with a deadline.
 * The document waits for the client and its own deadline pauses, keeping the days left.
 * The request to the client is registered as an outgoing document of the same matter.
 */
export async function requestMissingDocuments(
  actor: RegisterActor,
  input: MissingRequestInput,
  ctx: RequestContext,
): Promise<{ noticeId: string; noticeNumber: string }> {
  const role = authorize(actor, 'register.write');
  const data = missingRequestSchema.parse(input);
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  if (data.clientDeadline <= today) throw new DomainError('errors.deadlinePast', 'clientDeadline');
  const items = data.items
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const db = await getDb();
  return db.transaction((tx) =>
    requestMissingInTransaction(tx, actor, role, { documentId: data.documentId, items, clientDeadline: data.clientDeadline, note: data.note }, ctx),
  );
}

/**
 * requestMissingDocuments inside the caller's transaction (the missing-documents letter is
 * issued into the notice it registers, in the same transaction: server/register/missing-letter.ts).
 */
export async function requestMissingInTransaction(
  tx: Tx,
  actor: RegisterActor,
  role: string,
  data: { documentId: string; items: string[]; clientDeadline: string; note: string },
  ctx: RequestContext,
): Promise<{ noticeId: string; noticeNumber: string }> {
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  const items = data.items;
  const doc = await lockDocument(tx, actor, data.documentId);
  if (doc.direction !== 'incoming' || !['registered', 'in_progress'].includes(doc.status)) throw new DomainError('errors.statusChange');
  const calendar = await loadCalendar(tx);
  const daysLeft = doc.dueDate && doc.deadlineKind !== 'none' ? daysBetween(doc.deadlineKind, today, doc.dueDate, calendar) : null;
  await tx
    .insert(missingRequests)
    .values({ documentId: doc.id, items, clientDeadline: data.clientDeadline, note: data.note || null, requestedBy: actor.id, requestedAt: now });
  await tx
    .update(documents)
    .set({ status: 'waiting_for_client', dueDate: null, pausedDaysLeft: daysLeft, updatedAt: sql`now()` })
    .where(eq(documents.id, doc.id));
  const notice = await registerOutgoing(tx, actor, doc, {
    typeCode: 'missing_documents_request',
    title: `Puuduvate dokumentide teatis: ${items.join(', ')}`.slice(0, 500),
    channel: 'post',
    now,
  });
  await addEvent(
    tx,
    doc.id,
    actor,
    'missing_requested',
    { items, clientDeadline: data.clientDeadline, pausedDaysLeft: daysLeft, pausedDueDate: doc.dueDate, notice: notice.number },
    data.note,
  );
  await auditChange(tx, actor, role, 'document.missing_request', doc, ctx, { clientDeadline: data.clientDeadline, notice: notice.number });
  return { noticeId: notice.id, noticeNumber: notice.number };
}

/**
 * Resolves the document's open missing-documents request, received on `receivedOn`: the
 * deadline runs again (the days that were left, or in full where the type says so). Returns
 * the new due date, or false when nothing was awaited. The document must be locked.
 */
export async function resumeAfterMissing(
  tx: Tx,
  actor: RegisterActor,
  doc: typeof documents.$inferSelect,
  receivedOn: string,
  details: Record<string, unknown> = {},
): Promise<string | null | false> {
  const [open] = await tx
    .select()
    .from(missingRequests)
    .where(and(eq(missingRequests.documentId, doc.id), isNull(missingRequests.resolvedAt)));
  if (!open || doc.status !== 'waiting_for_client') return false;
  const type = await typeOf(tx, doc.typeCode);
  const calendar = await loadCalendar(tx);
  let due: string | null = null;
  if (type.restartAfterMissing && doc.deadlineKind !== 'none') {
    due = dueDate(ruleOf(type), receivedOn, calendar);
  } else if (doc.pausedDaysLeft !== null && doc.deadlineKind !== 'none') {
    const left = Math.max(doc.pausedDaysLeft, 0);
    due =
      doc.deadlineKind === 'working_days'
        ? dueDate({ kind: 'working_days', days: left }, receivedOn, calendar)
        : nextWorkingDay(addDays(receivedOn, left), calendar);
  }
  await tx
    .update(missingRequests)
    .set({ resolvedAt: sql`now()`, resolvedBy: actor.id })
    .where(eq(missingRequests.id, open.id));
  await tx
    .update(documents)
    .set({ status: 'in_progress', dueDate: due, pausedDaysLeft: null, updatedAt: sql`now()` })
    .where(eq(documents.id, doc.id));
  await addEvent(tx, doc.id, actor, 'missing_received', {
    receivedOn,
    daysLeft: doc.pausedDaysLeft,
    restarted: type.restartAfterMissing,
    dueDate: due,
    ...details,
  });
  return due;
}

/**
 * The missing documents arrived: the deadline runs again from that day with the days
 * that were left, or in full where the type says so (a pension decision is due 15
 * working days after the last needed document).
 */
export async function markMissingReceived(
  actor: RegisterActor,
  input: { documentId: string; receivedOn: string },
  ctx: RequestContext,
): Promise<{ dueDate: string | null }> {
  const role = authorize(actor, 'register.write');
  const data = missingReceivedSchema.parse(input);
  const today = tallinnDate(ctx.now ?? new Date());
  if (data.receivedOn > today) throw new DomainError('errors.futureDate', 'receivedOn');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    const due = await resumeAfterMissing(tx, actor, doc, data.receivedOn);
    if (due === false) throw new DomainError('errors.noOpenRequest');
    await auditChange(tx, actor, role, 'document.missing_received', doc, ctx, { dueDate: due });
    return { dueDate: due };
  });
}

/** An extension within the law's limit (MSVS § 6: 2 months; AvTS § 18: 15 working days), with its reason. */
export async function extendDeadline(actor: RegisterActor, input: ExtendDeadlineInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const data = extendDeadlineSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (!doc.dueDate || doc.status === 'closed' || doc.status === 'answered') throw new DomainError('errors.noDeadline');
    const type = await typeOf(tx, doc.typeCode);
    const calendar = await loadCalendar(tx);
    const registered = tallinnDate(doc.registeredAt);
    const limit = type.extensionMonths
      ? nextWorkingDay(addMonths(registered, type.extensionMonths), calendar)
      : type.extensionKind !== 'none' && type.extensionDays
        ? dueDate({ kind: type.extensionKind, days: type.extensionDays }, registered, calendar)
        : null;
    if (!limit) throw new DomainError('errors.noExtension');
    if (data.newDueDate <= doc.dueDate) throw new DomainError('errors.extensionNotLater', 'newDueDate');
    if (data.newDueDate > limit) throw new DomainError('errors.extensionTooLong', 'newDueDate', { limit });
    await tx
      .update(documents)
      .set({ dueDate: data.newDueDate, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'deadline_extended', { from: doc.dueDate, to: data.newDueDate, limit }, data.reason);
    await auditChange(tx, actor, role, 'document.extend_deadline', doc, ctx, { from: doc.dueDate, to: data.newDueDate });
  });
}

async function registerOutgoing(
  tx: Tx,
  actor: RegisterActor,
  incoming: Awaited<ReturnType<typeof lockDocument>>,
  outgoing: { typeCode: string; title: string; channel: 'in_person' | 'post' | 'email' | 'e_service' | 'dhx'; now: Date },
) {
  const number = await allocateInMatter(tx, incoming.matterId);
  const id = randomUUID();
  await tx.insert(documents).values({
    id,
    ...number,
    matterId: incoming.matterId,
    typeCode: outgoing.typeCode,
    direction: 'outgoing',
    channel: outgoing.channel,
    receivedAt: outgoing.now,
    registeredAt: outgoing.now,
    clientId: incoming.clientId,
    institutionName: incoming.institutionName,
    institutionCode: incoming.institutionCode,
    title: outgoing.title,
    isRestricted: incoming.isRestricted,
    restrictionGroundCode: incoming.restrictionGroundCode,
    restrictionFrom: incoming.isRestricted ? tallinnDate(outgoing.now) : null,
    restrictionUntil: incoming.restrictionUntil,
    unitCode: incoming.unitCode,
    assigneeId: actor.id,
    status: 'closed',
    deadlineKind: 'none',
    createdBy: actor.id,
  });
  await addEvent(tx, id, actor, 'registered', { number: number.number, inReplyTo: incoming.number });
  return { id, number: number.number };
}

/** A reply is an outgoing document of the same matter (suffix number); the enquiry is then answered. */
export async function registerReply(
  actor: RegisterActor,
  input: ReplyInput,
  files: UploadedFile[],
  ctx: RequestContext,
): Promise<{ id: string; number: string }> {
  const role = authorize(actor, 'register.write');
  const data = replySchema.parse(input);
  const scans = checkScans(files);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.direction !== 'incoming' || doc.status === 'closed') throw new DomainError('errors.statusChange');
    const reply = await registerOutgoing(tx, actor, doc, { typeCode: 'reply', title: data.title, channel: data.channel, now: ctx.now ?? new Date() });
    await storeScans(tx, actor, reply.id, scans);
    const status = data.closeMatter ? 'closed' : 'answered';
    await tx
      .update(documents)
      .set({ status, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'reply_registered', { reply: reply.number, status });
    await auditChange(tx, actor, role, 'document.reply', doc, ctx, { reply: reply.number });
    return reply;
  });
}

export async function forwardToAuthority(actor: RegisterActor, input: ForwardToAuthorityInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const data = forwardToAuthoritySchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.direction !== 'incoming' || doc.status === 'closed') throw new DomainError('errors.statusChange');
    await tx
      .update(documents)
      .set({ status: 'closed', forwardedTo: data.authority, forwardedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'forwarded_to_authority', { authority: data.authority, senderInformed: true, dueDate: doc.dueDate }, data.note);
    await auditChange(tx, actor, role, 'document.forward_authority', doc, ctx, { authority: data.authority });
  });
}

export async function addScans(actor: RegisterActor, documentId: string, files: UploadedFile[], ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  if (files.length === 0) throw new DomainError('errors.noFiles', 'files');
  const scans = checkScans(files);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, documentId, 'frontDesk');
    await storeScans(tx, actor, doc.id, scans);
    await addEvent(tx, doc.id, actor, 'attachments_added', { files: scans.map((s) => s.name) });
    await auditChange(tx, actor, role, 'document.attach', doc, ctx, { files: scans.map((s) => s.sha256) });
  });
}

/** Duty 3.3.1: "koopia õige" — who certified the copy, and when. */
export async function certifyAttachment(actor: RegisterActor, input: { attachmentId: string }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [attachment] = await tx.select().from(attachments).where(eq(attachments.id, input.attachmentId)).for('update');
    if (!attachment) throw new DomainError('errors.notFound');
    const doc = await lockDocument(tx, actor, attachment.documentId);
    if (attachment.certifiedAt) return;
    await tx
      .update(attachments)
      .set({ certifiedBy: actor.id, certifiedAt: sql`now()` })
      .where(eq(attachments.id, attachment.id));
    await addEvent(tx, doc.id, actor, 'certified_copy', { file: attachment.fileName });
    await auditChange(tx, actor, role, 'document.certify_copy', doc, ctx, { attachment: attachment.id });
  });
}

/** A document as a notice names it: its title only when no access restriction covers it (the e-mail leaves the portal). */
function documentNamed(m: Messages, doc: { number: string; title: string; isRestricted: boolean }, how: '' | 'Forwarded' = ''): string {
  const h = m.notifications.handover;
  const key = `document${how}${doc.isRestricted ? 'Restricted' : ''}` as
    'document' | 'documentRestricted' | 'documentForwarded' | 'documentForwardedRestricted';
  return fill(h[key], { number: doc.number, title: doc.title });
}
