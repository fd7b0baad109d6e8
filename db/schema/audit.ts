import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (migration audit_immutable).
// Each row's hash covers its content and the previous row's hash, so a change made
// behind the portal's back breaks the chain at that row (npm run audit:verify).
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorCode: text('actor_code'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    // The client whose personal data was seen, and why (as eesti.ee's Andmejälgija shows).
    subjectCode: text('subject_code'),
    purpose: text('purpose'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull().unique(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectCode, t.at), index('audit_log_actor_idx').on(t.actorCode, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
