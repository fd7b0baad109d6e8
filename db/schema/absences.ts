import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ABSENCE_KINDS } from '../../lib/absence-schema';
import { staff } from './org';

// Absences and substitution (job description 1.4, 1.5). A period is whole Tallinn days,
// both ends included: absent from 00:00 of the first day to 24:00 of the last. Who holds
// an absent person's work is decided in one place: server/org/substitution.ts.

export const absenceKindEnum = pgEnum('absence_kind', ABSENCE_KINDS);

export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    kind: absenceKindEnum('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    // Null: nobody named, the person's manager holds the work.
    substituteId: uuid('substitute_id').references(() => staff.id),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Kept, not deleted: who was absent when, and who substituted, stays answerable.
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => staff.id),
  },
  (t) => [
    index('absences_staff_idx').on(t.staffId, t.startsOn),
    index('absences_period_idx').on(t.startsOn, t.endsOn),
    index('absences_substitute_idx').on(t.substituteId),
    check('absences_period', sql`${t.endsOn} >= ${t.startsOn}`),
    check('absences_not_self', sql`${t.substituteId} is null or ${t.substituteId} <> ${t.staffId}`),
  ],
);

export type Absence = typeof absences.$inferSelect;
