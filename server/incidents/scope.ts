import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { incidents } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/sessions';
import { can, type Actor } from '@/server/auth/policy';

// Record-level rules for incidents, as WHERE clauses, so a forbidden caller matches no rows.
export type IncidentActor = Actor & Pick<CurrentUser, 'regionCode'>;

/** Which tickets a person may see: their own; a manager their region's; IT support all. */
export function readScope(actor: IncidentActor): SQL {
  if (can(actor, 'incidents.read_all')) return sql`true`;
  const own = eq(incidents.reporterId, actor.id);
  return can(actor, 'incidents.read_region') ? or(own, eq(incidents.regionCode, actor.regionCode))! : own;
}

/**
 * Which tickets a person may work (take, change status, internal comments): IT support
 * any; a manager those of their region that are not in the IT support queue (premises
 * problems, or a mailbox queue such as the region's facilities team).
 */
export function workScope(actor: IncidentActor): SQL {
  if (can(actor, 'incidents.read_all') && can(actor, 'incidents.work')) return sql`true`;
  if (can(actor, 'incidents.read_region') && can(actor, 'incidents.work')) {
    return and(eq(incidents.regionCode, actor.regionCode), ne(incidents.queue, 'it_support'))!;
  }
  return sql`false`;
}
