import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staff } from './org';

// The texts of document templates that administrators change (templates/shared/texts.ts):
// one row per version. A version is written as a draft, submitted by its author and
// published by another administrator, in force from `effective_from`. Version 1 of every
// template is the wording in code and has no row. A published row is never changed again
// (a trigger refuses it); going back means publishing the older text as a new version.

export const templateTextStatusEnum = pgEnum('template_text_status', ['draft', 'submitted', 'published']);

export const templateTexts = pgTable(
  'template_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: text('template_id').notNull(),
    /** Given on publishing: the next number after the template's newest version. */
    version: integer('version'),
    status: templateTextStatusEnum('status').notNull().default('draft'),
    /** Block key → { et, en } Markdown (templates/shared/texts.ts). */
    blocks: jsonb('blocks').notNull(),
    /** The published version the draft was written from (to show the difference against). */
    basedOn: integer('based_on').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => staff.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }),
  },
  (t) => [
    check('template_texts_four_eyes', sql`${t.publishedBy} is null or ${t.publishedBy} <> ${t.authorId}`),
    check(
      'template_texts_published',
      sql`(${t.status} = 'published') = (${t.version} is not null and ${t.publishedBy} is not null and ${t.publishedAt} is not null and ${t.effectiveFrom} is not null)`,
    ),
    check('template_texts_version', sql`${t.version} is null or ${t.version} >= 2`),
    uniqueIndex('template_texts_version_idx').on(t.templateId, t.version),
    // One draft (written or submitted) per template at a time.
    uniqueIndex('template_texts_open_idx')
      .on(t.templateId)
      .where(sql`${t.status} <> 'published'`),
    index('template_texts_in_force_idx').on(t.templateId, t.effectiveFrom),
  ],
);

export type TemplateTextRow = typeof templateTexts.$inferSelect;
