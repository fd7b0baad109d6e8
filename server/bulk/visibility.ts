import { eq, or, type SQL } from 'drizzle-orm';
import { bulkRuns } from '@/db/schema';
import { can, type Actor } from '@/server/auth/policy';
import { inTeam, type TeamActor } from '@/server/org/team';

// Whose bulk runs a person sees and may start or cancel: their own; a manager also their
// team's (the people of their unit in their region, and those who report to them).

export type BulkActor = Actor & TeamActor;

export function visibleRuns(actor: BulkActor): SQL {
  const manages = can(actor, 'overview.read');
  return manages ? or(eq(bulkRuns.createdBy, actor.id), inTeam(actor, bulkRuns.createdBy))! : eq(bulkRuns.createdBy, actor.id);
}
