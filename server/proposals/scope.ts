import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { proposals } from '@/db/schema';
import { can, type Actor } from '@/server/auth/policy';
import { heldFor } from '@/server/org/substitution';
import { inTeam, type TeamActor } from '@/server/org/team';
import type { Queryable } from '@/server/tx';

// Who sees and answers a proposal, as WHERE clauses: the author reads their own; the
// manager it was sent to (or whoever holds that manager's work while they are away), and
// the manager of the author's team, read and answer it.

export type ProposalActor = Actor & Pick<TeamActor, 'unitCode' | 'regionCode'>;

export async function answerScope(db: Queryable, actor: ProposalActor): Promise<SQL> {
  if (!can(actor, 'proposals.answer')) return sql`false`;
  const held = await heldFor(db, actor.id);
  return or(inArray(proposals.managerId, [actor.id, ...held]), inTeam(actor, proposals.authorId))!;
}

export async function readScope(db: Queryable, actor: ProposalActor): Promise<SQL> {
  return or(eq(proposals.authorId, actor.id), await answerScope(db, actor))!;
}
