import { boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions, staff, units } from './org';
import { documentTypes } from './register';

/**
 * Fair distribution: a unit's manager turns on automatic assignment of newly registered
 * documents of a type in their region (the national units have a manager per region, so a
 * rule and its candidates are the unit's people of that region). The row is locked by the registering transaction, so concurrent registrations
 * take turns, and last_assignee_id carries the round-robin between equally loaded people.
 */
export const autoAssignRules = pgTable(
  'auto_assign_rules',
  {
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    typeCode: text('type_code')
      .notNull()
      .references(() => documentTypes.code),
    enabled: boolean('enabled').notNull().default(true),
    lastAssigneeId: uuid('last_assignee_id').references(() => staff.id),
    updatedBy: uuid('updated_by').references(() => staff.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.regionCode, t.typeCode] })],
);

export type AutoAssignRule = typeof autoAssignRules.$inferSelect;
