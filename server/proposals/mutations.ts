import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { proposalAttachments, proposals, staff } from '@/db/schema';
import { proposalAnswerSchema, proposalSchema, type ProposalAnswerInput, type ProposalInput } from '@/lib/proposal-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { assertUnchanged } from '@/server/record-version';
import { RecordRefused } from '@/server/audit/refusal';
import { DomainError } from '@/server/errors';
import { checkUploads, type UploadedFile } from '@/server/incidents/files';
import { notice } from '@/server/notifications/notices';
import { notify } from '@/server/notifications/notify';
import { effectiveAssignee } from '@/server/org/substitution';
import { answerScope, type ProposalActor } from './scope';
import type { RequestContext } from '@/server/observability/context';

/** Duty 3.13: a proposal to the author's own manager, with at most one file. */
export async function submitProposal(actor: ProposalActor, input: ProposalInput, files: readonly UploadedFile[], ctx: RequestContext): Promise<{ id: string }> {
  const role = authorize(actor, 'proposals.submit');
  const data = proposalSchema.parse(input);
  if (files.length > 1) throw new DomainError('errors.tooManyFiles', 'files');
  const [file] = checkUploads(files);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [author] = await tx
      .select({ managerId: staff.managerId, given: staff.givenName, family: staff.familyName })
      .from(staff)
      .where(eq(staff.id, actor.id));
    if (!author?.managerId) throw new DomainError('errors.proposalNoManager');
    const [row] = await tx
      .insert(proposals)
      .values({ authorId: actor.id, managerId: author.managerId, title: data.title, description: data.description })
      .returning({ id: proposals.id });
    const id = row!.id;
    if (file)
      await tx
        .insert(proposalAttachments)
        .values({ proposalId: id, filename: file.filename, mime: file.mime, size: file.bytes.byteLength, content: file.bytes });
    // While the manager is away, whoever holds their work hears of it.
    const to = (await effectiveAssignee(tx, author.managerId)).assigneeId;
    await notify(tx, {
      recipients: [{ staffId: to }],
      notice: notice('proposal.submitted', { title: data.title, name: `${author.given} ${author.family}`, description: data.description }),
      link: `/ettepanekud/${id}`,
    });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'proposal.submit',
      entityType: 'proposal',
      entityId: id,
      requestId: ctx.requestId,
      details: { manager: author.managerId, file: file ? file.filename : null },
    });
    return { id };
  });
}

/** The manager answers: accepted, under consideration, or declined with a reason. The author is told. */
export async function answerProposal(actor: ProposalActor, input: ProposalAnswerInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'proposals.answer');
  const data = proposalAnswerSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [proposal] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, data.id), await answerScope(tx, actor)))
      .for('update');
    if (!proposal) {
      // Another manager's proposal answers as a missing one; runAction audits the attempt.
      const [hidden] = await tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, data.id));
      if (hidden) throw new RecordRefused({ entityType: 'proposal', entityId: data.id, reason: 'out_of_scope' });
      throw new DomainError('errors.notFound');
    }
    assertUnchanged(proposal, data.version);
    await tx
      .update(proposals)
      .set({ status: data.status, answer: data.answer || null, answeredBy: actor.id, answeredAt: sql`now()` })
      .where(eq(proposals.id, proposal.id));
    await notify(tx, {
      recipients: [{ staffId: proposal.authorId }],
      notice: notice('proposal.answered', { title: proposal.title, status: data.status, answer: data.answer || '' }),
      link: `/ettepanekud/${proposal.id}`,
    });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'proposal.answer',
      entityType: 'proposal',
      entityId: proposal.id,
      requestId: ctx.requestId,
      details: { from: proposal.status, to: data.status },
    });
  });
}
