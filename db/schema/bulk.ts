import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { issuedDocuments, issueMethodEnum } from './issuing';
import { staff } from './org';

// Bulk notices: a CSV checked row by row is stored as a run that cannot start
// until its whole file was valid; the background job issues its rows one by one, each in
// its own transaction through the same issuing as a single document. A row is claimed
// (FOR UPDATE SKIP LOCKED, status pending) and marked issued in the issuing's transaction;
// `issued_document_id` is unique and the row's id is the issuance's submission id, so one
// row can never produce two documents, however many workers run or however often they restart.

export const bulkRunStatusEnum = pgEnum('bulk_run_status', ['validated', 'running', 'cancelled', 'completed', 'failed']);
export const bulkRowStatusEnum = pgEnum('bulk_row_status', ['pending', 'issued', 'failed', 'cancelled']);

export const bulkRuns = pgTable(
  'bulk_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    method: issueMethodEnum('method').notNull(),
    fileName: text('file_name').notNull(),
    status: bulkRunStatusEnum('status').notNull().default('validated'),
    total: integer('total').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => staff.id),
  },
  (t) => [
    index('bulk_runs_created_by_idx').on(t.createdBy, t.createdAt),
    index('bulk_runs_running_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'running'`),
  ],
);

export const bulkRows = pgTable(
  'bulk_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => bulkRuns.id),
    /** The row number in the uploaded file, as the spreadsheet shows it (the header is 1). */
    rowNumber: integer('row_number').notNull(),
    personalCode: text('personal_code').notNull(),
    /** The template's data for this client, as checked when the file was uploaded. */
    data: jsonb('data').notNull(),
    status: bulkRowStatusEnum('status').notNull().default('pending'),
    issuedDocumentId: uuid('issued_document_id')
      .unique()
      .references(() => issuedDocuments.id),
    /** Failed attempts that may be retried (the process stopped, the database went away). */
    attempts: integer('attempts').notNull().default(0),
    /** A catalogue key when the row failed. */
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('bulk_rows_run_row_unique').on(t.runId, t.rowNumber),
    unique('bulk_rows_run_code_unique').on(t.runId, t.personalCode),
    index('bulk_rows_pending_idx')
      .on(t.runId, t.rowNumber)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type BulkRun = typeof bulkRuns.$inferSelect;
export type BulkRunStatus = (typeof bulkRunStatusEnum.enumValues)[number];
export type BulkRowStatus = (typeof bulkRowStatusEnum.enumValues)[number];
