import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { benefitKinds, benefitPaymentEvents, benefitPayments, staff, type BenefitPayment } from '@/db/schema';
import { normalizeIban } from '@/lib/iban';
import { parseEurosToCents } from '@/lib/money';
import {
  benefitKindSchema,
  correctPaymentSchema,
  paymentDecisionSchema,
  paymentIdSchema,
  preparePaymentSchema,
  type BenefitKindInput,
  type CorrectPaymentInput,
  type PaymentDecisionInput,
  type PaymentIdInput,
  type PreparePaymentInput,
} from '@/lib/payment-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import type { Tx } from '@/server/tx';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { assertUnchanged } from '@/server/record-version';
import { auditingRefusals, RecordRefused } from '@/server/audit/refusal';
import { notice } from '@/server/notifications/notices';
import { notify } from '@/server/notifications/notify';
import { effectiveAssignee } from '@/server/org/substitution';
import { paymentScope, type PaymentActor } from './scope';
import type { RequestContext } from '@/server/observability/context';

// Duty 3.9: a specialist prepares a benefit payment, a manager who did not prepare it
// approves it (four eyes), and finance collects approved payments into a locked batch
// handed over as a pain.001 file.

export async function preparePayment(actor: PaymentActor, input: PreparePaymentInput, ctx: RequestContext): Promise<{ id: string }> {
  const role = authorize(actor, 'payments.prepare');
  const data = preparePaymentSchema.parse(input);
  checkDecisionDate(data.decisionDate, ctx);
  const amountCents = parseEurosToCents(data.amount)!;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const kind = await activeKind(tx, data.kindCode);
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
            notice: notice('payment.prepared', {
              kind: { et: kind.nameEt, en: kind.nameEn },
              deceased: data.deceasedName,
              name: `${preparer.given} ${preparer.family}`,
            }),
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

// The domain checks that preparing and correcting share, beside the zod schema.
function checkDecisionDate(decisionDate: string, ctx: RequestContext) {
  if (decisionDate > tallinnDate(ctx.now ?? new Date())) throw new DomainError('errors.futureDate', 'decisionDate');
}

async function activeKind(tx: Tx, code: string) {
  const [kind] = await tx
    .select()
    .from(benefitKinds)
    .where(and(eq(benefitKinds.code, code), eq(benefitKinds.isActive, true)));
  if (!kind) throw new DomainError('errors.unknownReference', 'kindCode');
  return kind;
}

/** A manager of the payment's region approves it; never the person who prepared it. */
export async function approvePayment(actor: PaymentActor, input: PaymentIdInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'payments.approve');
  const { paymentId, version } = paymentIdSchema.parse(input);
  const db = await getDb();
  await auditingRefusals(actor, 'payment.approve', ctx.requestId, () =>
    db.transaction(async (tx) => {
      // Four eyes, even when the preparer also holds the manager role.
      const payment = await lockForDecision(tx, actor, paymentId, version, ['prepared'], 'errors.paymentOwnApproval');
      await tx
        .update(benefitPayments)
        .set({ status: 'approved', approvedBy: actor.id, approvedAt: ctx.now ?? sql`now()` })
        .where(and(eq(benefitPayments.id, payment.id), eq(benefitPayments.status, 'prepared')));
      await preparerNotice(tx, payment, 'approved', actor, '');
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
    }),
  );
}

/**
 * The payment an approver decides on, locked until the transaction ends: whoever comes
 * second (approve and return at once, a double click) waits here, then sees the first one's
 * status and is refused. Never the preparer's own payment, whatever roles they hold, and
 * only the payment as the approver's page showed it (`version`): one returned, corrected and
 * resubmitted meanwhile is refused until they have looked at it again.
 */
async function lockForDecision(
  tx: Tx,
  actor: PaymentActor,
  paymentId: string,
  version: string,
  allowed: readonly BenefitPayment['status'][],
  ownError: 'errors.paymentOwnDecision' | 'errors.paymentOwnApproval' = 'errors.paymentOwnDecision',
) {
  const [payment] = await tx
    .select()
    .from(benefitPayments)
    .where(and(eq(benefitPayments.id, paymentId), paymentScope(actor)))
    .for('update');
  if (!payment) await refuseHidden(tx, paymentId);
  if (payment!.preparedBy === actor.id) throw new RecordRefused(refused(payment!, 'own_payment'), ownError);
  if (!allowed.includes(payment!.status)) throw new DomainError('errors.paymentNotPrepared');
  assertUnchanged(payment!, version);
  return payment!;
}

const refused = (payment: { id: string; applicantCode: string }, reason: string) => ({
  entityType: 'benefit_payment',
  entityId: payment.id,
  subjectCode: payment.applicantCode,
  reason,
});

/** Not in the actor's scope: "not found" either way; a payment that exists is audited as refused. */
async function refuseHidden(tx: Tx, paymentId: string): Promise<never> {
  const [hidden] = await tx
    .select({ id: benefitPayments.id, applicantCode: benefitPayments.applicantCode })
    .from(benefitPayments)
    .where(eq(benefitPayments.id, paymentId));
  if (hidden) throw new RecordRefused(refused(hidden, 'out_of_scope'));
  throw new DomainError('errors.notFound');
}

async function preparerNotice(tx: Tx, payment: BenefitPayment, kind: 'returned' | 'rejected' | 'approved', actor: PaymentActor, reason: string) {
  const [who] = await tx.select({ given: staff.givenName, family: staff.familyName }).from(staff).where(eq(staff.id, actor.id));
  const [kindRow] = await tx
    .select({ nameEt: benefitKinds.nameEt, nameEn: benefitKinds.nameEn })
    .from(benefitKinds)
    .where(eq(benefitKinds.code, payment.kindCode));
  await notify(tx, {
    recipients: [{ staffId: payment.preparedBy }],
    notice: notice(`payment.${kind}`, {
      kind: { et: kindRow?.nameEt ?? '', en: kindRow?.nameEn ?? null },
      deceased: payment.deceasedName,
      name: `${who?.given} ${who?.family}`,
      reason,
    }),
    link: `/maksed/${payment.id}`,
  });
}

type Decision = {
  /** The statuses the payment may be in for this decision. */
  from: ('prepared' | 'returned')[];
  kind: 'returned' | 'rejected';
  action: string;
  set: (actorId: string, at: Date, reason: string) => Partial<typeof benefitPayments.$inferInsert>;
};

// Return and reject: one transaction that locks the payment, changes it only from the expected
// status (so of two decisions at once exactly one wins), keeps the reason in the history,
// tells the preparer and audits.
async function decide(actor: PaymentActor, input: PaymentDecisionInput, ctx: RequestContext, decision: Decision): Promise<void> {
  const role = authorize(actor, 'payments.approve');
  const { paymentId, version, reason } = paymentDecisionSchema.parse(input);
  const db = await getDb();
  await auditingRefusals(actor, decision.action, ctx.requestId, () =>
    db.transaction(async (tx) => {
      const payment = await lockForDecision(tx, actor, paymentId, version, decision.from);
      const at = ctx.now ?? new Date();
      const changed = await tx
        .update(benefitPayments)
        .set(decision.set(actor.id, at, reason))
        .where(and(eq(benefitPayments.id, payment.id), inArray(benefitPayments.status, decision.from)))
        .returning({ id: benefitPayments.id });
      if (changed.length !== 1) throw new DomainError('errors.paymentNotPrepared');
      await tx.insert(benefitPaymentEvents).values({ paymentId: payment.id, kind: decision.kind, actorId: actor.id, at, reason });
      await preparerNotice(tx, payment, decision.kind, actor, reason);
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: decision.action,
        entityType: 'benefit_payment',
        entityId: payment.id,
        subjectCode: payment.applicantCode,
        requestId: ctx.requestId,
        details: decision.kind === 'rejected' ? { reason, from: payment.status } : { reason },
      });
    }),
  );
}

/**
 * Whoever may approve a payment returns it to its preparer for correction, with a reason.
 * The preparer is notified, sees the reason on the payment, corrects it and resubmits it.
 */
export function returnPayment(actor: PaymentActor, input: PaymentDecisionInput, ctx: RequestContext): Promise<void> {
  return decide(actor, input, ctx, {
    from: ['prepared'],
    kind: 'returned',
    action: 'payment.return',
    set: (by, at, reason) => ({ status: 'returned', returnedBy: by, returnedAt: at, returnReason: reason }),
  });
}

/** Whoever may approve a payment rejects it for good, with a reason: it is never batched. */
export function rejectPayment(actor: PaymentActor, input: PaymentDecisionInput, ctx: RequestContext): Promise<void> {
  return decide(actor, input, ctx, {
    from: ['prepared', 'returned'],
    kind: 'rejected',
    action: 'payment.reject',
    // A returned payment's return moves to its history (benefit_payment_events) only.
    set: (by, at, reason) => ({
      status: 'rejected',
      rejectedBy: by,
      rejectedAt: at,
      rejectReason: reason,
      returnedBy: null,
      returnedAt: null,
      returnReason: null,
    }),
  });
}

/**
 * The preparer (only they) corrects a returned payment and sends it for approval again. The
 * same schema and checks as preparing apply; the changed fields go into the history with their
 * old and new values, and whoever returned it is told.
 */
export async function resubmitPayment(actor: PaymentActor, input: CorrectPaymentInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'payments.prepare');
  const data = correctPaymentSchema.parse(input);
  checkDecisionDate(data.decisionDate, ctx);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(benefitPayments)
      .where(and(eq(benefitPayments.id, data.paymentId), eq(benefitPayments.preparedBy, actor.id), paymentScope(actor)))
      .for('update');
    if (!payment) throw new DomainError('errors.notFound');
    if (payment.status !== 'returned') throw new DomainError('errors.paymentNotReturned');
    const kind = await activeKind(tx, data.kindCode);
    const next = {
      kindCode: kind.code,
      deceasedCode: data.deceasedCode,
      deceasedName: data.deceasedName,
      applicantCode: data.applicantCode,
      applicantName: data.applicantName,
      basis: data.basis,
      amountCents: parseEurosToCents(data.amount)!,
      recipientName: data.recipientName,
      recipientIban: normalizeIban(data.recipientIban),
      decisionDate: data.decisionDate,
    };
    const changes: Record<string, [string, string]> = {};
    for (const [field, value] of Object.entries(next)) {
      const before = payment[field as keyof typeof next];
      if (String(before) !== String(value)) changes[field] = [String(before), String(value)];
    }
    const at = ctx.now ?? new Date();
    const changed = await tx
      .update(benefitPayments)
      .set({ ...next, status: 'prepared', returnedBy: null, returnedAt: null, returnReason: null, approvedBy: null, approvedAt: null })
      .where(and(eq(benefitPayments.id, payment.id), eq(benefitPayments.status, 'returned')))
      .returning({ id: benefitPayments.id });
    if (changed.length !== 1) throw new DomainError('errors.paymentNotReturned');
    await tx.insert(benefitPaymentEvents).values({ paymentId: payment.id, kind: 'resubmitted', actorId: actor.id, at, changes });
    const [preparer] = await tx.select({ given: staff.givenName, family: staff.familyName }).from(staff).where(eq(staff.id, actor.id));
    const to = (await effectiveAssignee(tx, payment.returnedBy!)).assigneeId;
    if (to !== actor.id)
      await notify(tx, {
        recipients: [{ staffId: to }],
        notice: notice('payment.resubmitted', {
          kind: { et: kind.nameEt, en: kind.nameEn },
          deceased: next.deceasedName,
          name: `${preparer?.given} ${preparer?.family}`,
        }),
        link: `/maksed/${payment.id}`,
      });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'payment.resubmit',
      entityType: 'benefit_payment',
      entityId: payment.id,
      subjectCode: next.applicantCode,
      requestId: ctx.requestId,
      details: { changed: Object.keys(changes), amountCents: next.amountCents },
    });
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
