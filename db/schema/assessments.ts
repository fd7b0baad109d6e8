import { date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { APPLICANT_GROUPS, ASSESSMENT_KINDS, type AssessmentApplication } from '../../lib/assessment-schema';
import { staff } from './org';
import { documents } from './register';

// Disability-degree assessment applications (duty 3.4): the structured data beside the
// register document it was registered as, and every export of it for the assessment
// information system (SKAIS-AE).

export const applicantGroupEnum = pgEnum('applicant_group', APPLICANT_GROUPS);
export const assessmentKindEnum = pgEnum('assessment_kind', ASSESSMENT_KINDS);

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
    // The form as accepted by lib/assessment-schema.ts (without the one-time key).
    data: jsonb('data').$type<Omit<AssessmentApplication, 'submissionId'>>().notNull(),
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
  (t) => [index('assessment_applications_applicant_idx').on(t.applicantCode), index('assessment_applications_creator_idx').on(t.createdBy, t.createdAt)],
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
