import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { offices, regions, staff, units } from '@/db/schema';
import { authorize, type Actor } from '@/server/auth/policy';

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

/** The staff directory, for administrators only (it holds personal codes). */
export async function listStaff(actor: Actor, options: { query?: string; limit?: number } = {}): Promise<StaffListItem[]> {
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
      unitName: units.nameEt,
      officeName: offices.name,
      regionName: regions.nameEt,
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

/** Choices for the staff form. */
export async function staffFormOptions(actor: Actor) {
  authorize(actor, 'staff.read');
  const db = await getDb();
  const [unitRows, officeRows, regionRows, managerRows] = await Promise.all([
    db.select().from(units).orderBy(asc(units.nameEt)),
    db.select().from(offices).orderBy(asc(offices.name)),
    db.select().from(regions).orderBy(asc(regions.nameEt)),
    db
      .select({ id: staff.id, givenName: staff.givenName, familyName: staff.familyName })
      .from(staff)
      .where(and(eq(staff.isActive, true), sql`'manager' = any(${staff.roles})`))
      .orderBy(asc(staff.familyName)),
  ]);
  return {
    units: unitRows.map((u) => ({ value: u.code, label: u.nameEt })),
    offices: officeRows.map((o) => ({ value: o.code, label: o.name })),
    regions: regionRows.map((r) => ({ value: r.code, label: r.nameEt })),
    managers: managerRows.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` })),
  };
}
