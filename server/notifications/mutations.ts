import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { notifications, outboxMessages } from '@/db/schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, type Actor } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import type { RequestContext } from '@/server/observability/context';

export const notificationReadSchema = z.object({ id: z.union([z.uuid(), z.literal('all')]) });
export const outboxRetrySchema = z.object({ id: z.uuid() });

/** Marks one of the person's own notifications (or all of them) read. */
export async function markNotificationsRead(actor: Actor, input: { id: string }): Promise<number> {
  authorize(actor, 'notifications.read');
  const { id } = notificationReadSchema.parse(input);
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.recipientId, actor.id), isNull(notifications.readAt), id === 'all' ? undefined : eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Sends a dead message again: a fresh set of attempts, due now. */
export async function retryOutboxMessage(actor: Actor, input: { id: string }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'outbox.manage');
  const { id } = outboxRetrySchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(outboxMessages)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, claimedUntil: null, claimedBy: null })
      .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'dead')))
      .returning({ id: outboxMessages.id, kind: outboxMessages.kind, lastError: outboxMessages.lastError });
    if (!row) throw new DomainError('errors.notFound');
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'outbox.retry',
      entityType: 'outbox_message',
      entityId: id,
      requestId: ctx.requestId,
      details: { kind: row.kind, lastError: row.lastError },
    });
  });
}
