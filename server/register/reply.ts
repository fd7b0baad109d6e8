// Outgoing documents of a matter: the reply to an enquiry, and the outgoing document any
// letter to the client is registered as.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents } from '@/db/schema';
import { replySchema, type ReplyInput } from '@/lib/register-schema';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { DomainError } from '@/server/errors';
import { assertUnchanged } from '@/server/record-version';
import type { UploadedFile } from '@/server/files/form-with-files';
import type { RequestContext } from '@/server/observability/context';
import type { Tx } from '@/server/tx';
import { allocateInMatter } from './numbering';
import { checkScans, storeScans } from './scans';
import type { RegisterActor } from './visibility';
import { addEvent, auditChange, lockDocument } from './write-helpers';

export async function registerOutgoing(
  tx: Tx,
  actor: RegisterActor,
  incoming: Awaited<ReturnType<typeof lockDocument>>,
  outgoing: { typeCode: string; title: string; channel: 'in_person' | 'post' | 'email' | 'e_service' | 'dhx'; now: Date },
) {
  const number = await allocateInMatter(tx, incoming.matterId);
  const id = randomUUID();
  await tx.insert(documents).values({
    id,
    ...number,
    matterId: incoming.matterId,
    typeCode: outgoing.typeCode,
    direction: 'outgoing',
    channel: outgoing.channel,
    receivedAt: outgoing.now,
    registeredAt: outgoing.now,
    clientId: incoming.clientId,
    institutionName: incoming.institutionName,
    institutionCode: incoming.institutionCode,
    title: outgoing.title,
    isRestricted: incoming.isRestricted,
    restrictionGroundCode: incoming.restrictionGroundCode,
    restrictionFrom: incoming.isRestricted ? tallinnDate(outgoing.now) : null,
    restrictionUntil: incoming.restrictionUntil,
    unitCode: incoming.unitCode,
    assigneeId: actor.id,
    status: 'closed',
    deadlineKind: 'none',
    createdBy: actor.id,
  });
  await addEvent(tx, id, actor, 'registered', { number: number.number, inReplyTo: incoming.number });
  return { id, number: number.number };
}

/** A reply is an outgoing document of the same matter (suffix number); the enquiry is then answered. */
export async function registerReply(
  actor: RegisterActor,
  input: ReplyInput,
  files: UploadedFile[],
  ctx: RequestContext,
): Promise<{ id: string; number: string }> {
  const role = authorize(actor, 'register.write');
  const data = replySchema.parse(input);
  const scans = checkScans(files);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, data.documentId);
    if (doc.direction !== 'incoming' || doc.status === 'closed') throw new DomainError('errors.statusChange');
    // Answered by a colleague meanwhile: a second reply is not registered from the old card.
    assertUnchanged(doc, data.version);
    const reply = await registerOutgoing(tx, actor, doc, { typeCode: 'reply', title: data.title, channel: data.channel, now: ctx.now ?? new Date() });
    await storeScans(tx, actor, reply.id, scans);
    const status = data.closeMatter ? 'closed' : 'answered';
    await tx
      .update(documents)
      .set({ status, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'reply_registered', { reply: reply.number, status });
    await auditChange(tx, actor, role, 'document.reply', doc, ctx, { reply: reply.number });
    return reply;
  });
}
