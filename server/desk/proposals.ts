import { and, asc, eq } from 'drizzle-orm';
import { proposals } from '@/db/schema';
import { can } from '@/server/auth/policy';
import { answerScope } from '@/server/proposals/scope';
import { author, LIMIT, personName, type DeskItem, type DeskReader } from './item';

/** Improvement proposals submitted to the manager who answers them. */
export async function deskProposals(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db } = reader;
  if (!can(actor, 'proposals.answer')) return [];
  const rows = await db
    .select({ id: proposals.id, title: proposals.title, authorName: personName(author) })
    .from(proposals)
    .innerJoin(author, eq(author.id, proposals.authorId))
    .where(and(await answerScope(db, actor), eq(proposals.status, 'submitted')))
    .orderBy(asc(proposals.createdAt))
    .limit(LIMIT);
  return rows.map((p) => ({
    kind: 'proposal' as const,
    id: p.id,
    title: p.title,
    reference: null,
    href: `/ettepanekud/${p.id}`,
    dueDate: null,
    daysLeft: null,
    substitutingFor: null,
    detail: p.authorName,
  }));
}
