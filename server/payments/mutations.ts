import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { benefitKinds, benefitPayments, paymentBatches, paymentBatchItems, staff } from '@/db/schema';
import { fill, messagesFor } from '@/lib/i18n';
import { normalizeIban } from '@/lib/iban';
import { parseEurosToCents } from '@/lib/money';
import {
  benefitKindSchema,
  createBatchSchema,
  paymentIdSchema,
  preparePaymentSchema,
  type BenefitKindInput,
  type CreateBatchInput,
  type PaymentIdInput,
  type PreparePaymentInput,
} from '@/lib/payment-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { effectiveAssignee } from '@/server/org/substitution';
import { debtorConfig } from './config';
import { buildPain001, controlSumCents } from './pain001';
import { paymentScope, type PaymentActor } from './scope';
import { isTarget2BusinessDay } from './target2';

// Duty 3.9: a specialist prepares a benefit payment, a manager who did not prepare it
// approves it (four eyes), and finance collects approved payments into a locked batch
// handed over as a pain.001 file.

export type RequestContext = { requestId: string; now?: Date };

const notices = messagesFor('et').payments.notices;

export async function preparePayment(actor: PaymentActor, input: PreparePaymentInput, ctx: RequestContext): Promise<{ id: string }> {
  const role = authorize(actor, 'payments.prepare');
  const data = preparePaymentSchema.parse(input);
  const today = tallinnDate(ctx.now ?? new Date());
  if (data.decisionDate > today) throw new DomainError('errors.futureDate', 'decisionDate');
  const amountCents = parseEurosToCents(data.amount)!;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [kind] = await tx
        .select()
        .from(benefitKinds)
        .where(and(eq(benefitKinds.code, data.kindCode), eq(benefitKinds.isActive, true)));
      if (!kind) throw new DomainError('errors.unknownReference', 'kindCode');
      const [row] = await tx
        .insert(benefitPayments)
        .values({
          kindCode: kind.code,
          regionCode: actor.regionCode,
          deceasedCode: data.deceasedCode,
          deceasedName: data.deceasedName,
          applicantCode: data.applicantCode,
          applicantName: data.applicantName,
          basis: data.basis,
          amountCents,
          recipientName: data.recipientName,
          recipientIban: normalizeIban(data.recipientIban),
          decisionDate: data.decisionDate,
          preparedBy: actor.id,
          submissionId: data.submissionId,
        })
        .returning({ id: benefitPayments.id });
      // The preparer's manager (or whoever holds their work while away) is asked to approve.
      const [preparer] = await tx
        .select({ managerId: staff.managerId, given: staff.givenName, family: staff.familyName })
        .from(staff)
        .where(eq(staff.id, actor.id));
      if (preparer?.managerId) {
        const to = (await effectiveAssignee(tx, preparer.managerId)).assigneeId;
        if (to !== actor.id)
          await notify(tx, {
            recipients: [{ staffId: to }],
            kind: 'payment.prepared',
            subject: fill(notices.preparedSubject, { kind: kind.nameEt, name: data.deceasedName }),
            text: fill(notices.preparedText, { name: `${preparer.given} ${preparer.family}` }),
            link: `/maksed/${row!.id}`,
          });
      }
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'payment.prepare',
        entityType: 'benefit_payment',
        entityId: row!.id,
        subjectCode: data.applicantCode,
        requestId: ctx.requestId,
        details: { kind: kind.code, amountCents },
      });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'benefit_payments_submission_id_unique')) {
      const [existing] = await db
        .select({ id: benefitPayments.id })
        .from(benefitPayments)
        .where(and(eq(benefitPayments.submissionId, data.submissionId), eq(benefitPayments.preparedBy, actor.id)));
      if (existing) return existing;
    }
    throw error;
  }
}

/** A manager of the payment's region approves it; never the person who prepared it. */
export async function approvePayment(actor: PaymentActor, input: PaymentIdInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'payments.approve');
  const { paymentId } = paymentIdSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(benefitPayments)
      .where(and(eq(benefitPayments.id, paymentId), paymentScope(actor)))
      .for('update');
    if (!payment) throw new DomainError('errors.notFound');
    // Four eyes, even when the preparer also holds the manager role.
    if (payment.preparedBy === actor.id) throw new DomainError('errors.paymentOwnApproval');
    if (payment.status !== 'prepared') throw new DomainError('errors.paymentNotPrepared');
    await tx
      .update(benefitPayments)
      .set({ status: 'approved', approvedBy: actor.id, approvedAt: ctx.now ?? sql`now()` })
      .where(eq(benefitPayments.id, payment.id));
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'payment.approve',
      entityType: 'benefit_payment',
      entityId: payment.id,
      subjectCode: payment.applicantCode,
      requestId: ctx.requestId,
      details: { amountCents: payment.amountCents },
    });
  });
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

/**
 * Finance collects approved payments into one batch. The payments are locked (FOR UPDATE)
 * and must still be approved, by someone else than their preparer: a second, concurrent
 * batch waits for the first, then finds them handed over and is refused. The batch items'
 * primary key (the payment) is the database's own guard that a payment is in one batch.
 */
export async function createBatch(actor: PaymentActor, input: CreateBatchInput, ctx: RequestContext): Promise<{ id: string; messageId: string }> {
  const role = authorize(actor, 'payments.batch');
  const data = createBatchSchema.parse(input);
  const now = ctx.now ?? new Date();
  if (data.executionDate < tallinnDate(now)) throw new DomainError('errors.pastDate', 'executionDate');
  if (!isTarget2BusinessDay(data.executionDate)) throw new DomainError('errors.target2Day', 'executionDate');
  const ids = [...new Set(data.paymentIds)].sort();
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const rows = await tx
        .select({ payment: benefitPayments, prefix: benefitKinds.remittancePrefix })
        .from(benefitPayments)
        .innerJoin(benefitKinds, eq(benefitKinds.code, benefitPayments.kindCode))
        .where(
          and(
            inArray(benefitPayments.id, ids),
            eq(benefitPayments.status, 'approved'),
            ne(benefitPayments.approvedBy, benefitPayments.preparedBy),
            paymentScope(actor),
          ),
        )
        .orderBy(asc(benefitPayments.id))
        .for('update', { of: benefitPayments });
      if (rows.length !== ids.length) throw new DomainError('errors.paymentNotBatchable', 'paymentIds');
      const debtor = debtorConfig();
      const messageId = `SKA-${compactDate(tallinnDate(now))}-${randomBytes(5).toString('hex').toUpperCase()}`;
      const payments = rows.map(({ payment, prefix }) => ({
        paymentId: payment.id,
        endToEndId: `SKA-${payment.id.replace(/-/g, '').toUpperCase()}`.slice(0, 35),
        amountCents: payment.amountCents,
        creditorName: payment.recipientName,
        creditorIban: payment.recipientIban,
        remittance: `${prefix} ${payment.deceasedName}`,
      }));
      const xml = buildPain001({ messageId, createdAt: now, executionDate: data.executionDate, debtor, payments });
      const [batch] = await tx
        .insert(paymentBatches)
        .values({
          messageId,
          executionDate: data.executionDate,
          paymentCount: payments.length,
          controlSumCents: controlSumCents(payments),
          debtorIban: debtor.iban,
          xml,
          createdBy: actor.id,
          createdAt: now,
        })
        .returning({ id: paymentBatches.id });
      await tx.insert(paymentBatchItems).values(payments.map((p) => ({ paymentId: p.paymentId, batchId: batch!.id, endToEndId: p.endToEndId })));
      await tx.update(benefitPayments).set({ status: 'handed_over' }).where(inArray(benefitPayments.id, ids));
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'payment_batch.create',
        entityType: 'payment_batch',
        entityId: batch!.id,
        requestId: ctx.requestId,
        details: { messageId, count: payments.length, controlSumCents: controlSumCents(payments), executionDate: data.executionDate },
      });
      return { id: batch!.id, messageId };
    });
  } catch (error) {
    // Another batch took one of the payments between our read and our insert.
    if (isUniqueViolation(error, 'payment_batch_items_pkey')) throw new DomainError('errors.paymentNotBatchable', 'paymentIds');
    throw error;
  }
}

/** The batch's file, as handed over; each download is counted and audited. Finance only. */
export async function downloadBatch(actor: PaymentActor, batchId: string, ctx: RequestContext): Promise<{ fileName: string; xml: string } | null> {
  const role = authorize(actor, 'payments.batch');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .update(paymentBatches)
      .set({ downloadCount: sql`${paymentBatches.downloadCount} + 1`, lastDownloadedAt: ctx.now ?? sql`now()` })
      .where(eq(paymentBatches.id, batchId))
      .returning({ messageId: paymentBatches.messageId, xml: paymentBatches.xml });
    if (!batch) return null;
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'payment_batch.download',
      entityType: 'payment_batch',
      entityId: batchId,
      requestId: ctx.requestId,
      details: { messageId: batch.messageId },
    });
    return { fileName: `${batch.messageId}.xml`, xml: batch.xml };
  });
}

/** The administrator adds or changes a kind of benefit; kinds are switched off, never removed. */
export async function saveBenefitKind(actor: PaymentActor, input: BenefitKindInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'payments.configure');
  const data = benefitKindSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const values = {
      nameEt: data.nameEt,
      nameEn: data.nameEn,
      remittancePrefix: data.remittancePrefix,
      noteEt: data.noteEt || null,
      noteEn: data.noteEn || null,
      isActive: data.isActive,
    };
    await tx
      .insert(benefitKinds)
      .values({ code: data.code, shape: 'one_off', ...values })
      .onConflictDoUpdate({ target: benefitKinds.code, set: values });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'benefit_kind.save',
      entityType: 'benefit_kind',
      entityId: data.code,
      requestId: ctx.requestId,
      details: values,
    });
  });
}
