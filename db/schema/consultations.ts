import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CONSULTATION_CHANNELS, CONSULTATION_OUTCOMES } from '../../lib/consultation-schema';
import { offices, regions, staff, units } from './org';

// The consultation log (duties 3.1, 3.12): advice given at the office, by phone, e-mail or
// video, counted by topic, channel and office for the managers' statistics.

export const consultationChannelEnum = pgEnum('consultation_channel', CONSULTATION_CHANNELS);
export const consultationOutcomeEnum = pgEnum('consultation_outcome', CONSULTATION_OUTCOMES);

/** Topics kept by the administrator; a used topic is deactivated, never deleted, so old counts keep their name. */
export const consultationTopics = pgTable('consultation_topics', {
  code: text('code').primaryKey(),
  nameEt: text('name_et').notNull(),
  nameEn: text('name_en').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(100),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    // Where the advice was given, as it was then: the person's office and region at the
    // time of recording, so moving to another office later does not move old statistics.
    officeCode: text('office_code').references(() => offices.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    channel: consultationChannelEnum('channel').notNull(),
    topicCode: text('topic_code')
      .notNull()
      .references(() => consultationTopics.code),
    clientCode: text('client_code'),
    durationMinutes: integer('duration_minutes').notNull(),
    outcome: consultationOutcomeEnum('outcome').notNull(),
    referredUnitCode: text('referred_unit_code').references(() => units.code),
    note: text('note'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    // The form's one-time key: a double click records once.
    submissionId: uuid('submission_id').notNull().unique(),
  },
  (t) => [
    index('consultations_region_time_idx').on(t.regionCode, t.occurredAt),
    index('consultations_staff_time_idx').on(t.staffId, t.occurredAt),
    index('consultations_topic_idx').on(t.topicCode),
    index('consultations_client_idx')
      .on(t.clientCode)
      .where(sql`${t.clientCode} is not null`),
  ],
);

export type ConsultationTopic = typeof consultationTopics.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
