import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { benefitKinds, benefitPaymentEvents, benefitPayments, paymentBatches, paymentBatchItems, staff, type BenefitPayment } from '@/db/schema';
import { recordAudit } from '@/server/audit/record';
import { authorize, can } from '@/server/auth/policy';
import { paymentScope, type PaymentActor } from './scope';

const preparer = alias(staff, 'preparer');
const approver = alias(staff, 'approver');
const batcher = alias(staff, 'batcher');
const decider = alias(staff, 'decider');
const fullName = (t: { givenName: AnyPgColumn; familyName: AnyPgColumn }) => sql<string>`${t.givenName} || ' ' || ${t.familyName}`;

const listColumns = {
  id: benefitPayments.id,
  status: benefitPayments.status,
  kindNameEt: benefitKinds.nameEt,
  kindNameEn: benefitKinds.nameEn,
  deceasedName: benefitPayments.deceasedName,
  recipientName: benefitPayments.recipientName,
  recipientIban: benefitPayments.recipientIban,
  amountCents: benefitPayments.amountCents,
  decisionDate: benefitPayments.decisionDate,
  regionCode: benefitPayments.regionCode,
  preparedBy: benefitPayments.preparedBy,
  preparedAt: benefitPayments.preparedAt,
  preparedByName: fullName(preparer),
  approvedAt: benefitPayments.approvedAt,
  approvedByName: sql<string | null>`${approver.givenName} || ' ' || ${approver.familyName}`,
  // Why a returned payment awaits correction, or why a rejected one is never paid.
  returnReason: benefitPayments.returnReason,
  rejectReason: benefitPayments.rejectReason,
  batchId: paymentBatchItems.batchId,
  handedOverAt: paymentBatches.createdAt,
  handedOverByName: sql<string | null>`${batcher.givenName} || ' ' || ${batcher.familyName}`,
  // What the payment page shows besides (the list does not render these).
  kindCode: benefitPayments.kindCode,
  deceasedCode: benefitPayments.deceasedCode,
  applicantCode: benefitPayments.applicantCode,
  applicantName: benefitPayments.applicantName,
  basis: benefitPayments.basis,
  messageId: paymentBatches.messageId,
  // What a decision on the payment sends back (lib/record-version.ts).
  version: benefitPayments.version,
};

function baseQuery() {
  return (db: Awaited<ReturnType<typeof getDb>>) =>
    db
      .select(listColumns)
      .from(benefitPayments)
      .innerJoin(benefitKinds, eq(benefitKinds.code, benefitPayments.kindCode))
      .innerJoin(preparer, eq(preparer.id, benefitPayments.preparedBy))
      .leftJoin(approver, eq(approver.id, benefitPayments.approvedBy))
      .leftJoin(paymentBatchItems, eq(paymentBatchItems.paymentId, benefitPayments.id))
      .leftJoin(paymentBatches, eq(paymentBatches.id, paymentBatchItems.batchId))
      .leftJoin(batcher, eq(batcher.id, paymentBatches.createdBy));
}

export type PaymentRow = Awaited<ReturnType<typeof listPayments>>[number];

/** The payments the actor may see (their region's; finance every region's), newest first. */
export async function listPayments(actor: PaymentActor, filter: { status?: BenefitPayment['status'] } = {}) {
  authorize(actor, 'payments.read');
  const db = await getDb();
  return baseQuery()(db)
    .where(and(paymentScope(actor), filter.status ? eq(benefitPayments.status, filter.status) : undefined))
    .orderBy(desc(benefitPayments.preparedAt))
    .limit(500);
}

/** One payment with its personal data; the view is audited with whose data and why. */
export async function getPayment(actor: PaymentActor, id: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'payments.read');
  const db = await getDb();
  const [row] = await baseQuery()(db)
    .where(and(eq(benefitPayments.id, id), paymentScope(actor)))
    .limit(1);
  if (!row) return null;
  // The view is audited alongside reading its history (the row is already known visible).
  const [history] = await Promise.all([
    db
      .select({
        id: benefitPaymentEvents.id,
        kind: benefitPaymentEvents.kind,
        at: benefitPaymentEvents.at,
        reason: benefitPaymentEvents.reason,
        changes: benefitPaymentEvents.changes,
        actorName: fullName(decider),
      })
      .from(benefitPaymentEvents)
      .innerJoin(decider, eq(decider.id, benefitPaymentEvents.actorId))
      .where(eq(benefitPaymentEvents.paymentId, id))
      .orderBy(asc(benefitPaymentEvents.at), asc(benefitPaymentEvents.id)),
    recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'payment.view',
        entityType: 'benefit_payment',
        entityId: id,
        subjectCode: row.applicantCode,
        purpose: 'toetuse väljamakse menetlemine',
        requestId: ctx.requestId,
      },
      db,
    ),
  ]);
  return {
    ...row,
    history,
    // The latest return or the rejection: who and when (the reason is on the row).
    decision: ['returned', 'rejected'].includes(row.status) ? (history.findLast((e) => e.kind === row.status) ?? null) : null,
    canApprove: can(actor, 'payments.approve') && row.status === 'prepared' && row.preparedBy !== actor.id,
    canReturn: can(actor, 'payments.approve') && row.status === 'prepared' && row.preparedBy !== actor.id,
    canReject: can(actor, 'payments.approve') && (row.status === 'prepared' || row.status === 'returned') && row.preparedBy !== actor.id,
    canCorrect: can(actor, 'payments.prepare') && row.status === 'returned' && row.preparedBy === actor.id,
  };
}

/** Finance: the batches, newest first. */
export async function listBatches(actor: PaymentActor) {
  authorize(actor, 'payments.batch');
  const db = await getDb();
  return db
    .select({
      id: paymentBatches.id,
      messageId: paymentBatches.messageId,
      executionDate: paymentBatches.executionDate,
      paymentCount: paymentBatches.paymentCount,
      controlSumCents: paymentBatches.controlSumCents,
      createdAt: paymentBatches.createdAt,
      createdByName: fullName(batcher),
      downloadCount: paymentBatches.downloadCount,
    })
    .from(paymentBatches)
    .innerJoin(batcher, eq(batcher.id, paymentBatches.createdBy))
    .orderBy(desc(paymentBatches.createdAt))
    .limit(200);
}

export async function listBenefitKinds(options: { activeOnly: boolean }) {
  const db = await getDb();
  return db
    .select()
    .from(benefitKinds)
    .where(options.activeOnly ? eq(benefitKinds.isActive, true) : undefined)
    .orderBy(asc(benefitKinds.sortOrder), asc(benefitKinds.nameEt));
}
