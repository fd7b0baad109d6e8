import { customType, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PROPOSAL_STATUSES } from '../../lib/proposal-schema';
import { staff } from './org';

// Improvement proposals to the manager (duty 3.13).

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const proposalStatusEnum = pgEnum('proposal_status', PROPOSAL_STATUSES);

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    // The author's manager when it was submitted: the one who answers.
    managerId: uuid('manager_id')
      .notNull()
      .references(() => staff.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    status: proposalStatusEnum('status').notNull().default('submitted'),
    // The row's version: the database adds one on every UPDATE (trigger row_version_bump), and a
    // decision carries the version it was made on (server/record-version.ts).
    version: integer('version').notNull().default(1),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => staff.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposals_author_idx').on(t.authorId, t.createdAt), index('proposals_manager_idx').on(t.managerId, t.status)],
);

export const proposalAttachments = pgTable('proposal_attachments', {
  proposalId: uuid('proposal_id')
    .primaryKey()
    .references(() => proposals.id),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
});

export type Proposal = typeof proposals.$inferSelect;
