import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions, staff } from './org';

// Benefit payments handed to finance (duty 3.9). Kinds of benefit are configured by the
// administrator: the funeral benefit (matusetoetus) the job description names is only the
// first; the state stopped paying it in 2018 and local governments pay it now.

export const paymentShapeEnum = pgEnum('payment_shape', ['one_off']);
// `returned`: sent back to its preparer for correction (then `prepared` again); `rejected`:
// refused for good, never batched. Values added later (ALTER TYPE … ADD VALUE) cannot be used
// as enum literals in the transaction that adds them, so the CHECKs below compare
// `status::text`.
export const benefitPaymentStatusEnum = pgEnum('benefit_payment_status', ['prepared', 'approved', 'handed_over', 'returned', 'rejected']);
export const benefitPaymentEventKindEnum = pgEnum('benefit_payment_event_kind', ['returned', 'resubmitted', 'rejected']);

export const benefitKinds = pgTable('benefit_kinds', {
  code: text('code').primaryKey(),
  nameEt: text('name_et').notNull(),
  nameEn: text('name_en').notNull(),
  shape: paymentShapeEnum('shape').notNull().default('one_off'),
  // Written into the payment file's remittance text before the deceased's or applicant's name.
  remittancePrefix: text('remittance_prefix').notNull(),
  noteEt: text('note_et'),
  noteEn: text('note_en'),
  isActive: boolean('is_active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(100),
});

/** A locked set of approved payments handed to finance as one pain.001 file. */
export const paymentBatches = pgTable('payment_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  // The file's MsgId and PmtInfId: unique for ever, as banks refuse a repeated one.
  messageId: text('message_id').notNull().unique(),
  executionDate: date('execution_date', { mode: 'string' }).notNull(),
  paymentCount: integer('payment_count').notNull(),
  controlSumCents: bigint('control_sum_cents', { mode: 'number' }).notNull(),
  debtorIban: text('debtor_iban').notNull(),
  // The pain.001 file as handed over: every download gives the same bytes.
  xml: text('xml').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => staff.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  downloadCount: integer('download_count').notNull().default(0),
  lastDownloadedAt: timestamp('last_downloaded_at', { withTimezone: true }),
});

export const benefitPayments = pgTable(
  'benefit_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kindCode: text('kind_code')
      .notNull()
      .references(() => benefitKinds.code),
    // The preparer's region: specialists see only their region's cases.
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    deceasedCode: text('deceased_code').notNull(),
    deceasedName: text('deceased_name').notNull(),
    applicantCode: text('applicant_code').notNull(),
    applicantName: text('applicant_name').notNull(),
    basis: text('basis').notNull(),
    amountCents: integer('amount_cents').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientIban: text('recipient_iban').notNull(), // normalised: upper case, no spaces
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    status: benefitPaymentStatusEnum('status').notNull().default('prepared'),
    // The row's version: the database adds one on every UPDATE (trigger row_version_bump), and a
    // decision carries the version it was made on (server/record-version.ts).
    version: integer('version').notNull().default(1),
    preparedBy: uuid('prepared_by')
      .notNull()
      .references(() => staff.id),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => staff.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    // The latest return for correction, while the payment is `returned` (history: benefit_payment_events).
    returnedBy: uuid('returned_by').references(() => staff.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    rejectedBy: uuid('rejected_by').references(() => staff.id),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    // The form's one-time key: a double-submitted form prepares one payment.
    submissionId: uuid('submission_id').notNull().unique(),
  },
  (t) => [
    index('benefit_payments_region_idx').on(t.regionCode, t.status, t.preparedAt),
    index('benefit_payments_status_idx').on(t.status, t.approvedAt),
    check('benefit_payments_amount', sql`${t.amountCents} > 0`),
    // Four eyes: whoever prepared a payment never approves it, whatever roles they hold.
    check('benefit_payments_four_eyes', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.preparedBy}`),
    // Approved and handed-over payments have an approver; prepared, returned and rejected ones have none.
    check(
      'benefit_payments_approval',
      sql`(${t.status}::text in ('approved', 'handed_over')) = (${t.approvedBy} is not null) and (${t.approvedBy} is null) = (${t.approvedAt} is null)`,
    ),
    // A returned payment has who, when and why; nobody returns or rejects their own payment.
    check(
      'benefit_payments_returned',
      sql`(${t.status}::text = 'returned') = (${t.returnedBy} is not null) and (${t.returnedBy} is null) = (${t.returnedAt} is null) and (${t.returnedBy} is null) = (${t.returnReason} is null) and ${t.returnedBy} <> ${t.preparedBy}`,
    ),
    check(
      'benefit_payments_rejected',
      sql`(${t.status}::text = 'rejected') = (${t.rejectedBy} is not null) and (${t.rejectedBy} is null) = (${t.rejectedAt} is null) and (${t.rejectedBy} is null) = (${t.rejectReason} is null) and ${t.rejectedBy} <> ${t.preparedBy}`,
    ),
    check('benefit_payments_reasons', sql`char_length(${t.returnReason}) between 3 and 1000 and char_length(${t.rejectReason}) between 3 and 1000`),
  ],
);

/**
 * Which batch a payment went out in. The payment is the primary key, so a payment is in at
 * most one batch, ever; rows are never changed or removed (a trigger refuses it).
 */
export const paymentBatchItems = pgTable(
  'payment_batch_items',
  {
    paymentId: uuid('payment_id')
      .primaryKey()
      .references(() => benefitPayments.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    endToEndId: text('end_to_end_id').notNull().unique(),
  },
  (t) => [index('payment_batch_items_batch_idx').on(t.batchId)],
);

/**
 * What happened to a payment between preparing and approving: returned for correction (with
 * the reason), corrected and resubmitted (with the changed fields' old and new values), or
 * rejected (with the reason). Rows are only ever added.
 */
export const benefitPaymentEvents = pgTable(
  'benefit_payment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => benefitPayments.id),
    kind: benefitPaymentEventKindEnum('kind').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => staff.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
    // resubmitted: { field: [before, after] } for each corrected field.
    changes: jsonb('changes').$type<Record<string, [string, string]>>(),
  },
  (t) => [
    index('benefit_payment_events_payment_idx').on(t.paymentId, t.at),
    check('benefit_payment_events_reason', sql`(${t.kind} = 'resubmitted') = (${t.reason} is null)`),
  ],
);

export type BenefitKind = typeof benefitKinds.$inferSelect;
export type BenefitPayment = typeof benefitPayments.$inferSelect;
export type PaymentBatch = typeof paymentBatches.$inferSelect;
