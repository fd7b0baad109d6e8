import { boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff, units } from './org';
import { documentTypes } from './register';

/**
 * Fair distribution: a unit turns on automatic assignment of newly registered documents
 * of a type. The row is locked by the registering transaction, so concurrent registrations
 * take turns, and last_assignee_id carries the round-robin between equally loaded people.
 */
export const autoAssignRules = pgTable(
  'auto_assign_rules',
  {
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    typeCode: text('type_code')
      .notNull()
      .references(() => documentTypes.code),
    enabled: boolean('enabled').notNull().default(true),
    lastAssigneeId: uuid('last_assignee_id').references(() => staff.id),
    updatedBy: uuid('updated_by').references(() => staff.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.typeCode] })],
);

export type AutoAssignRule = typeof autoAssignRules.$inferSelect;
