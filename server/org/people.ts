import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { staff } from '@/db/schema';
import type { Queryable } from '@/server/tx';
import { effectiveAssignee } from './substitution';

// Who is who in the organisation, for routing and notifications. Every lookup of "the
// person responsible" goes through here; when the person found is absent, their
// substitute is found by server/org/substitution.ts (the one place that decides it).

export type Person = { id: string; name: string; email: string };

const CUSTOMER_SERVICE_UNIT = 'klienditeenindus';
const IT_SUPPORT_UNIT = 'it-tugi';

const personColumns = { id: staff.id, givenName: staff.givenName, familyName: staff.familyName, email: staff.email };
const toPerson = (r: { id: string; givenName: string; familyName: string; email: string }): Person => ({
  id: r.id,
  name: `${r.givenName} ${r.familyName}`,
  email: r.email,
});

/**
 * The customer-service manager of a region: an active staff member with the manager role
 * in the customer-service unit of that region (the directory has one per region). While
 * the manager is absent, whoever holds their work (their substitute) is returned instead.
 */
export async function regionalManager(db: Queryable, regionCode: string, at: Date = new Date()): Promise<Person | null> {
  const [row] = await db
    .select(personColumns)
    .from(staff)
    .where(and(eq(staff.regionCode, regionCode), eq(staff.unitCode, CUSTOMER_SERVICE_UNIT), eq(staff.isActive, true), sql`'manager' = any(${staff.roles})`))
    .orderBy(asc(staff.familyName), asc(staff.givenName))
    .limit(1);
  if (!row) return null;
  const holder = await effectiveAssignee(db, row.id, at);
  if (holder.assigneeId === row.id) return toPerson(row);
  const [substitute] = await activePeople(db, [holder.assigneeId]);
  return substitute ?? toPerson(row);
}

/** The head of IT support: the top of the IT support unit (an it_support member whose own manager is not IT support). */
export async function headOfItSupport(db: Queryable): Promise<Person | null> {
  const [row] = await db
    .select(personColumns)
    .from(staff)
    .where(
      and(
        eq(staff.unitCode, IT_SUPPORT_UNIT),
        eq(staff.isActive, true),
        sql`'it_support' = any(${staff.roles})`,
        sql`not exists (select 1 from staff boss where boss.id = ${staff.managerId} and 'it_support' = any(boss.roles))`,
      ),
    )
    .orderBy(asc(staff.familyName))
    .limit(1);
  return row ? toPerson(row) : null;
}

/** Active staff by id (inactive people are not told anything). */
export async function activePeople(db: Queryable, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(personColumns)
    .from(staff)
    .where(and(inArray(staff.id, [...ids]), eq(staff.isActive, true)));
  return rows.map(toPerson);
}
