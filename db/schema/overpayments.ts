import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './org';
import { clients, documents } from './register';

// Applications to repay an overpaid pension or benefit, or to be released from repaying
// (duty 3.8). The application is a register document (type overpayment_application); this
// is its structured data, written in the same transaction.

export const overpaymentRequestEnum = pgEnum('overpayment_request', ['lump_sum', 'instalments', 'waiver']);

export const overpaymentApplications = pgTable(
  'overpayment_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .unique()
      .references(() => documents.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    benefit: text('benefit').notNull(), // which pension or benefit was overpaid
    decisionReference: text('decision_reference'), // the recovery decision's number, if the client has it
    amountCents: integer('amount_cents').notNull(),
    request: overpaymentRequestEnum('request').notNull(),
    lumpSumDate: date('lump_sum_date', { mode: 'string' }),
    waiverReason: text('waiver_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('overpayment_applications_client_idx').on(t.clientId),
    check('overpayment_applications_amount', sql`${t.amountCents} > 0`),
    check('overpayment_applications_waiver', sql`${t.request} <> 'waiver' or ${t.waiverReason} is not null`),
  ],
);

/** The client's proposed schedule; the amounts add up to the application's amount. */
export const overpaymentInstalments = pgTable(
  'overpayment_instalments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => overpaymentApplications.id),
    seq: integer('seq').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] }), check('overpayment_instalments_amount', sql`${t.amountCents} > 0`)],
);

export type OverpaymentApplication = typeof overpaymentApplications.$inferSelect;
