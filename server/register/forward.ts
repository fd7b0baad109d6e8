// Moving a document on: forwarding it to another unit or person, setting its status by
// hand, and forwarding it to the authority it belongs to.
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents } from '@/db/schema';
import {
  forwardSchema,
  forwardToAuthoritySchema,
  statusSchema,
  type DocumentStatus,
  type ForwardInput,
  type ForwardToAuthorityInput,
  type StatusInput,
} from '@/lib/register-schema';
import { authorize } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { notifyHandover } from '@/server/notifications/handover';
import { assertUnchanged } from '@/server/record-version';
import type { RequestContext } from '@/server/observability/context';
import { assignToPerson } from '@/server/workload/assign';
import { canSeeDocument, type RegisterActor } from './visibility';
import { addEvent, assertUnitAndAssignee, auditChange, documentNamed, lockDocument } from './write-helpers';

/** Returns whether the actor can still see the document (a restricted one sent to another unit is gone from view). */
export async function forwardDocument(actor: RegisterActor, input: ForwardInput, ctx: RequestContext): Promise<{ number: string; stillVisible: boolean }> {
  const role = authorize(actor, 'register.write');
  const data = forwardSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.status === 'closed') throw new DomainError('errors.documentClosed');
    // Forwarded, answered or changed otherwise since the card was opened: look again first.
    assertUnchanged(doc, data.version);
    await assertUnitAndAssignee(tx, data.unitCode, data.assigneeId);
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

export async function setDocumentStatus(actor: RegisterActor, input: StatusInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const data = statusSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.status === data.status) return;
    if (!manualTransitions[doc.status]?.includes(data.status)) throw new DomainError('errors.statusChange');
    assertUnchanged(doc, data.version);
    await tx
      .update(documents)
      .set({ status: data.status, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'status', { from: doc.status, to: data.status });
    await auditChange(tx, actor, role, 'document.status', doc, ctx, { from: doc.status, to: data.status });
  });
}

export async function forwardToAuthority(actor: RegisterActor, input: ForwardToAuthorityInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const data = forwardToAuthoritySchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.direction !== 'incoming' || doc.status === 'closed') throw new DomainError('errors.statusChange');
    assertUnchanged(doc, data.version);
    await tx
      .update(documents)
      .set({ status: 'closed', forwardedTo: data.authority, forwardedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'forwarded_to_authority', { authority: data.authority, senderInformed: true, dueDate: doc.dueDate }, data.note);
    await auditChange(tx, actor, role, 'document.forward_authority', doc, ctx, { authority: data.authority });
  });
}
