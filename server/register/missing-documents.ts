// Missing documents and deadlines: asking the client for what is missing (the deadline
// pauses), the missing documents received (it runs again), and extending a deadline.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, missingRequests } from '@/db/schema';
import {
  extendDeadlineSchema,
  missingReceivedSchema,
  missingRequestSchema,
  type ExtendDeadlineInput,
  type MissingReceivedInput,
  type MissingRequestInput,
} from '@/lib/register-schema';
import { authorize } from '@/server/auth/policy';
import { addDays, addMonths, daysBetween, dueDate, nextWorkingDay, tallinnDate } from '@/server/calendar/working-days';
import { DomainError } from '@/server/errors';
import type { RequestContext } from '@/server/observability/context';
import { assertUnchanged } from '@/server/record-version';
import type { Tx } from '@/server/tx';
import { loadCalendar } from './calendar';
import { registerOutgoing } from './reply';
import type { RegisterActor } from './visibility';
import { addEvent, auditChange, lockDocument, ruleOf, typeOf } from './write-helpers';

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
    requestMissingInTransaction(
      tx,
      actor,
      role,
      { documentId: data.documentId, version: data.version, items, clientDeadline: data.clientDeadline, note: data.note },
      ctx,
    ),
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
  data: { documentId: string; version: string; items: string[]; clientDeadline: string; note: string },
  ctx: RequestContext,
): Promise<{ noticeId: string; noticeNumber: string }> {
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  const items = data.items;
  const doc = await lockDocument(tx, actor, data.documentId);
  assertUnchanged(doc, data.version);
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
export async function markMissingReceived(actor: RegisterActor, input: MissingReceivedInput, ctx: RequestContext): Promise<{ dueDate: string | null }> {
  const role = authorize(actor, 'register.write');
  const data = missingReceivedSchema.parse(input);
  const today = tallinnDate(ctx.now ?? new Date());
  if (data.receivedOn > today) throw new DomainError('errors.futureDate', 'receivedOn');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    // Before anything is written: the deadline restarts from the card as it was shown.
    if (doc.status === 'waiting_for_client') assertUnchanged(doc, data.version);
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
    assertUnchanged(doc, data.version);
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
