import { and, eq, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { staff } from '@/db/schema';
import type { Role } from '@/lib/roles';

// A manager's team, as a WHERE clause: the people who report to them directly, and the
// people of their unit in their region (a regional customer-service manager's specialists).
// A manager of another region matches none of them.

export type TeamActor = { id: string; roles: readonly Role[]; unitCode: string; regionCode: string };

export function teamCondition(actor: TeamActor): SQL {
  return and(ne(staff.id, actor.id), or(eq(staff.managerId, actor.id), and(eq(staff.unitCode, actor.unitCode), eq(staff.regionCode, actor.regionCode))))!;
}

/** `column` holds someone of the actor's team (for staff columns of other tables). */
export function inTeam(actor: TeamActor, column: AnyColumn): SQL {
  return sql`${column} in (select ${staff.id} from ${staff} where ${teamCondition(actor)})`;
}
