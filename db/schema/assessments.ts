import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { APPLICANT_GROUPS, ASSESSMENT_KINDS, IDENTIFIED_PERSONS, type StoredAssessmentData } from '../../lib/assessment-schema';
import { staff } from './org';
import { documents, identityDocumentEnum } from './register';

// Disability-degree assessment applications (duty 3.4): the structured data beside the
// register document it was registered as, and every export of it for the assessment
// information system (SKAIS-AE).

export const applicantGroupEnum = pgEnum('applicant_group', APPLICANT_GROUPS);
export const assessmentKindEnum = pgEnum('assessment_kind', ASSESSMENT_KINDS);
export const identifiedPersonEnum = pgEnum('identified_person', IDENTIFIED_PERSONS);

export const assessmentApplications = pgTable(
  'assessment_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .unique()
      .references(() => documents.id),
    applicantCode: text('applicant_code').notNull(),
    applicantGroup: applicantGroupEnum('applicant_group').notNull(),
    kind: assessmentKindEnum('kind').notNull(),
    // The form as accepted by lib/assessment-schema.ts (without the one-time key and the identity check).
    data: jsonb('data').$type<StoredAssessmentData>().notNull(),
    // How the person at the desk was identified (duty 3.2), by whom: createdBy. Required for an
    // application handed in at the office; empty when none was checked (post, e-mail, e-service).
    identifiedPerson: identifiedPersonEnum('identified_person'),
    identityDocumentType: identityDocumentEnum('identity_document_type'),
    identityDocumentNumber: text('identity_document_number'),
    identityValidUntil: date('identity_valid_until', { mode: 'string' }),
    // A joint application goes on to the Unemployment Insurance Fund for the work-ability
    // assessment, within 5 working days (MSVS § 6 lg 2 practice for other authorities' matters).
    otherAuthority: text('other_authority'),
    otherAuthorityDueDate: date('other_authority_due_date', { mode: 'string' }),
    otherAuthorityForwardedAt: timestamp('other_authority_forwarded_at', { withTimezone: true }),
    otherAuthorityForwardedBy: uuid('other_authority_forwarded_by').references(() => staff.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submissionId: uuid('submission_id').notNull().unique(),
  },
  (t) => [
    index('assessment_applications_applicant_idx').on(t.applicantCode),
    index('assessment_applications_creator_idx').on(t.createdBy, t.createdAt),
    // The desk's "still to send to Töötukassa" block: only the joint applications not yet sent.
    index('assessment_applications_forwarding_due_idx')
      .on(t.otherAuthorityDueDate)
      .where(sql`${t.otherAuthorityDueDate} is not null and ${t.otherAuthorityForwardedAt} is null`),
    // All of the identity check or none of it.
    check(
      'assessment_applications_identity_complete',
      sql`(${t.identifiedPerson} is null) = (${t.identityDocumentType} is null) and (${t.identifiedPerson} is null) = (${t.identityDocumentNumber} is null) and (${t.identifiedPerson} is null) = (${t.identityValidUntil} is null)`,
    ),
  ],
);

export const assessmentExports = pgTable(
  'assessment_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => assessmentApplications.id),
    exportedBy: uuid('exported_by')
      .notNull()
      .references(() => staff.id),
    exportedAt: timestamp('exported_at', { withTimezone: true }).notNull().defaultNow(),
    schemaVersion: text('schema_version').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('assessment_exports_application_idx').on(t.applicationId, t.exportedAt)],
);

export type AssessmentApplicationRow = typeof assessmentApplications.$inferSelect;
export type AssessmentExport = typeof assessmentExports.$inferSelect;
