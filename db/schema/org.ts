import { relations, sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['specialist', 'manager', 'it_support', 'finance', 'admin']);

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameEt: text('name_et').notNull(),
  nameEn: text('name_en').notNull(),
});

export const offices = pgTable('offices', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  // The office's name in English mode and English notices; empty: the Estonian name.
  nameEn: text('name_en'),
  address: text('address').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
});

export const units = pgTable('units', {
  code: text('code').primaryKey(),
  nameEt: text('name_et').notNull(),
  nameEn: text('name_en').notNull(),
});

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personalCode: text('personal_code').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email').notNull().unique(),
    phone: text('phone'),
    title: text('title'),
    /** The job title as an English document prints it under the signature. */
    titleEn: text('title_en'),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    officeCode: text('office_code').references(() => offices.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    managerId: uuid('manager_id').references((): AnyPgColumn => staff.id),
    roles: roleEnum('roles')
      .array()
      .notNull()
      .default(sql`'{}'::role[]`),
    isActive: boolean('is_active').notNull().default(true),
    // The language of the person's notices and e-mails ('et' | 'en'); the portal's own
    // language follows the browser's switch.
    language: text('language').notNull().default('et'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [index('staff_family_name_idx').on(t.familyName), index('staff_manager_idx').on(t.managerId)],
);

export const staffRelations = relations(staff, ({ one }) => ({
  unit: one(units, { fields: [staff.unitCode], references: [units.code] }),
  office: one(offices, { fields: [staff.officeCode], references: [offices.code] }),
  region: one(regions, { fields: [staff.regionCode], references: [regions.code] }),
  manager: one(staff, { fields: [staff.managerId], references: [staff.id] }),
}));

export type Staff = typeof staff.$inferSelect;
export type NewStaff = typeof staff.$inferInsert;
export type Region = typeof regions.$inferSelect;
export type Office = typeof offices.$inferSelect;
export type Unit = typeof units.$inferSelect;
