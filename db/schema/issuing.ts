import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './org';
import { attachments, clients, documents } from './register';

// Documents issued from templates: the outgoing register document, the PDF stored
// as its attachment, and what makes it provably the one that was issued: the template and
// version, the data used, the bytes' SHA-256 and the verification code printed on it.

export const issueMethodEnum = pgEnum('issue_method', ['handed_over', 'email', 'post']);

export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .unique()
      .references(() => documents.id),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** The data after the template's schema, exactly as printed. */
    data: jsonb('data').notNull(),
    sha256: text('sha256').notNull(),
    verificationCode: text('verification_code').notNull().unique(),
    sealed: boolean('sealed').notNull(),
    sealCertificate: text('seal_certificate'),
    clientId: uuid('client_id').references(() => clients.id),
    /** To whom, as printed (a client's or an institution's name). */
    recipientName: text('recipient_name').notNull(),
    method: issueMethodEnum('method').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => staff.id),
    /** The form's one-time key: a double-submitted form issues once. */
    submissionId: uuid('submission_id').notNull().unique(),
  },
  (t) => [index('issued_documents_client_idx').on(t.clientId, t.issuedAt)],
);

export type IssuedDocument = typeof issuedDocuments.$inferSelect;
export type IssueMethod = (typeof issueMethodEnum.enumValues)[number];
