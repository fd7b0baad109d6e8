import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { can, type Actor } from '@/server/auth/policy';
import { inTeam, type TeamActor } from '@/server/org/team';

// Record-level rules for tasks, as WHERE clauses, so a forbidden caller matches no rows.
// `held` is who the actor substitutes today (server/org/substitution.ts `heldFor`).

export type TaskActor = Actor & Pick<TeamActor, 'unitCode' | 'regionCode'>;

/** The tasks the actor holds: their own and those of the absent people they substitute. */
export function holderScope(actor: TaskActor, held: readonly string[]): SQL {
  return inArray(tasks.assigneeId, [actor.id, ...held]);
}

/**
 * The tasks the actor manages: a manager's own (and an absent manager's they substitute),
 * and those of their team. Nobody else manages any.
 */
export function managerScope(actor: TaskActor, held: readonly string[]): SQL {
  if (!can(actor, 'tasks.create')) return sql`false`;
  return or(inArray(tasks.createdBy, [actor.id, ...held]), inTeam(actor, tasks.assigneeId), inTeam(actor, tasks.substituteForId))!;
}

/** What the actor may read: what they hold or manage, and tasks meant for them that a substitute held. */
export function readScope(actor: TaskActor, held: readonly string[]): SQL {
  return or(holderScope(actor, held), eq(tasks.substituteForId, actor.id), managerScope(actor, held))!;
}
