import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../lib/task-schema';
import { staff } from './org';
import { clients, documents } from './register';

// One-off tasks a manager gives (duty 3.15): one row per person, so each reports their own
// result. Tasks given together share a batch id (and its attachments).

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const taskStatusEnum = pgEnum('task_status', TASK_STATUSES);
export const taskPriorityEnum = pgEnum('task_priority', TASK_PRIORITIES);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    // The day (and optionally the time) the manager set; due_at is the instant it ends:
    // the time given, or 24:00 Tallinn time of that day.
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueTime: time('due_time'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    priority: taskPriorityEnum('priority').notNull().default('normal'),
    documentId: uuid('document_id').references(() => documents.id),
    clientId: uuid('client_id').references(() => clients.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    // Who holds the task. When the person the manager chose was absent, the substitute
    // holds it and substitute_for names the absent person ("asendamine").
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => staff.id),
    substituteForId: uuid('substitute_for_id').references(() => staff.id),
    status: taskStatusEnum('status').notNull().default('new'),
    result: text('result'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => staff.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    submissionId: uuid('submission_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // The row's version: the database adds one on every UPDATE (trigger row_version_bump), and a
    // decision carries the version it was made on (server/record-version.ts).
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.assigneeId, t.status, t.dueAt),
    index('tasks_created_by_idx').on(t.createdBy, t.status),
    index('tasks_due_idx').on(t.dueDate),
    index('tasks_batch_idx').on(t.batchId),
    // A double-submitted form creates each person's task once.
    uniqueIndex('tasks_submission_assignee_unique').on(t.submissionId, sql`coalesce(${t.substituteForId}, ${t.assigneeId})`),
  ],
);

export const taskEvents = pgTable(
  'task_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => staff.id),
    // created, started, comment, question, done, accepted, returned, cancelled, reminder
    kind: text('kind').notNull(),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.at)],
);

export const taskAttachments = pgTable(
  'task_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => staff.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_attachments_batch_idx').on(t.batchId)],
);

/**
 * One row per reminder sent: inserted in the transaction that queues the notice, so a
 * scheduler that runs twice (or on two workers at once) sends each reminder once.
 */
export const taskReminders = pgTable(
  'task_reminders',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    kind: text('kind').notNull(), // due_soon | overdue
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.kind] }), check('task_reminders_kind', sql`${t.kind} in ('due_soon', 'overdue')`)],
);

export type Task = typeof tasks.$inferSelect;
export type TaskEvent = typeof taskEvents.$inferSelect;
