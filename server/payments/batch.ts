import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { benefitKinds, benefitPayments, paymentBatches, paymentBatchItems } from '@/db/schema';
import { createBatchSchema, type CreateBatchInput } from '@/lib/payment-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { debtorConfig } from './config';
import { buildPain001, controlSumCents } from './pain001';
import { paymentScope, type PaymentActor } from './scope';
import { isTarget2BusinessDay } from './target2';
import type { RequestContext } from '@/server/observability/context';

// Finance's part of duty 3.9: approved payments collected into a locked batch, handed over
// as a pain.001 file (downloaded through server/payments/export.ts).

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
