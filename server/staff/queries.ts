import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { offices, regions, staff, units } from '@/db/schema';
import type { Locale } from '@/lib/i18n';
import { authorize, type Actor } from '@/server/auth/policy';
import { officeNameIn } from '@/server/org/office-name';

export type StaffListItem = {
  id: string;
  personalCode: string;
  name: string;
  email: string;
  unitName: string;
  officeName: string | null;
  regionName: string;
  roles: string[];
  isActive: boolean;
};

/** The staff directory, for administrators only (it holds personal codes); names of the organisation in the reader's language. */
export async function listStaff(actor: Actor, options: { query?: string; limit?: number; locale?: Locale } = {}): Promise<StaffListItem[]> {
  const en = options.locale === 'en';
  authorize(actor, 'staff.read');
  const db = await getDb();
  const q = options.query?.trim();
  // Escape LIKE wildcards: the search text is data, not a pattern.
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      id: staff.id,
      personalCode: staff.personalCode,
      givenName: staff.givenName,
      familyName: staff.familyName,
      email: staff.email,
      unitName: en ? units.nameEn : units.nameEt,
      officeName: officeNameIn(options.locale ?? 'et'),
      regionName: en ? regions.nameEn : regions.nameEt,
      roles: staff.roles,
      isActive: staff.isActive,
    })
    .from(staff)
    .innerJoin(units, eq(units.code, staff.unitCode))
    .innerJoin(regions, eq(regions.code, staff.regionCode))
    .leftJoin(offices, eq(offices.code, staff.officeCode))
    .where(
      pattern
        ? or(ilike(sql`${staff.givenName} || ' ' || ${staff.familyName}`, pattern), ilike(staff.personalCode, pattern), ilike(staff.email, pattern))
        : undefined,
    )
    .orderBy(asc(staff.familyName), asc(staff.givenName))
    .limit(options.limit ?? 500);
  return rows.map(({ givenName, familyName, ...rest }) => ({ ...rest, name: `${givenName} ${familyName}` }));
}

export async function getStaffMember(actor: Actor, id: string) {
  authorize(actor, 'staff.read');
  const db = await getDb();
  const [row] = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
  return row ?? null;
}

/** Choices for the staff form, named in the reader's language. */
export async function staffFormOptions(actor: Actor, locale: Locale = 'et') {
  authorize(actor, 'staff.read');
  const db = await getDb();
  const en = locale === 'en';
  const [unitRows, officeRows, regionRows, managerRows] = await Promise.all([
    db
      .select({ value: units.code, label: en ? units.nameEn : units.nameEt })
      .from(units)
      .orderBy(asc(en ? units.nameEn : units.nameEt)),
    db
      .select({ value: offices.code, label: officeNameIn(locale) })
      .from(offices)
      .orderBy(asc(officeNameIn(locale))),
    db
      .select({ value: regions.code, label: en ? regions.nameEn : regions.nameEt })
      .from(regions)
      .orderBy(asc(en ? regions.nameEn : regions.nameEt)),
    db
      .select({ id: staff.id, givenName: staff.givenName, familyName: staff.familyName })
      .from(staff)
      .where(and(eq(staff.isActive, true), sql`'manager' = any(${staff.roles})`))
      .orderBy(asc(staff.familyName)),
  ]);
  return {
    units: unitRows,
    offices: officeRows,
    regions: regionRows,
    managers: managerRows.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` })),
  };
}
