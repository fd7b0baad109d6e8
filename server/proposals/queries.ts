import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { proposalAttachments, proposals, staff } from '@/db/schema';
import type { ProposalStatus } from '@/lib/proposal-schema';
import { authorize } from '@/server/auth/policy';
import { answerScope, readScope, type ProposalActor } from './scope';

const author = alias(staff, 'author');
const answerer = alias(staff, 'answerer');

export type ProposalListItem = {
  id: string;
  title: string;
  status: ProposalStatus;
  authorName: string;
  createdAt: Date;
  answeredAt: Date | null;
};

const listColumns = {
  id: proposals.id,
  title: proposals.title,
  status: proposals.status,
  authorName: sql<string>`${author.givenName} || ' ' || ${author.familyName}`,
  createdAt: proposals.createdAt,
  answeredAt: proposals.answeredAt,
};

export async function listMyProposals(actor: ProposalActor): Promise<ProposalListItem[]> {
  authorize(actor, 'proposals.submit');
  const db = await getDb();
  return db
    .select(listColumns)
    .from(proposals)
    .innerJoin(author, eq(author.id, proposals.authorId))
    .where(eq(proposals.authorId, actor.id))
    .orderBy(desc(proposals.createdAt))
    .limit(200);
}

/** Proposals sent to the manager (or their team's), unanswered first. */
export async function listReceivedProposals(actor: ProposalActor): Promise<ProposalListItem[]> {
  authorize(actor, 'proposals.answer');
  const db = await getDb();
  return db
    .select(listColumns)
    .from(proposals)
    .innerJoin(author, eq(author.id, proposals.authorId))
    .where(await answerScope(db, actor))
    .orderBy(sql`${proposals.status} = 'submitted' desc`, desc(proposals.createdAt))
    .limit(300);
}

export async function getProposal(actor: ProposalActor, id: string) {
  authorize(actor, 'proposals.submit');
  const db = await getDb();
  const [row] = await db
    .select({
      proposal: proposals,
      authorName: listColumns.authorName,
      answeredByName: sql<string | null>`${answerer.givenName} || ' ' || ${answerer.familyName}`,
      file: { filename: proposalAttachments.filename, size: proposalAttachments.size },
      canAnswer: sql<boolean>`${await answerScope(db, actor)}`,
    })
    .from(proposals)
    .innerJoin(author, eq(author.id, proposals.authorId))
    .leftJoin(answerer, eq(answerer.id, proposals.answeredBy))
    .leftJoin(proposalAttachments, eq(proposalAttachments.proposalId, proposals.id))
    .where(and(eq(proposals.id, id), await readScope(db, actor)));
  if (!row) return null;
  return { ...row, file: row.file?.filename ? row.file : null, canAnswer: Boolean(row.canAnswer) };
}

export async function getProposalAttachment(actor: ProposalActor, id: string) {
  authorize(actor, 'proposals.submit');
  const db = await getDb();
  const [row] = await db
    .select({ filename: proposalAttachments.filename, mime: proposalAttachments.mime, content: proposalAttachments.content })
    .from(proposalAttachments)
    .innerJoin(proposals, eq(proposals.id, proposalAttachments.proposalId))
    .where(and(eq(proposals.id, id), await readScope(db, actor)));
  return row ?? null;
}
