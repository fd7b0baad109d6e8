import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications, outboxMessages, type EmailPayload, type WebhookPayload } from '@/db/schema';
import { authorize, type Actor } from '@/server/auth/policy';

/** The bell's number: the person's unread notifications. */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  authorize(actor, 'notifications.read');
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, actor.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(actor: Actor, limit = 100) {
  authorize(actor, 'notifications.read');
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.recipientId, actor.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export type OutboxListItem = {
  id: string;
  channel: 'email' | 'webhook';
  kind: string;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
};

/** What the worker has sent, is sending, or gave up on (administrators). */
export async function listOutbox(actor: Actor, status: 'pending' | 'sent' | 'dead', limit = 200): Promise<OutboxListItem[]> {
  authorize(actor, 'outbox.manage');
  const db = await getDb();
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.status, status))
    .orderBy(desc(status === 'sent' ? outboxMessages.sentAt : outboxMessages.createdAt))
    .limit(limit);
  return rows.map((r) => {
    const email = r.channel === 'email' ? (r.payload as EmailPayload) : null;
    const hook = r.channel === 'webhook' ? (r.payload as WebhookPayload) : null;
    return {
      id: r.id,
      channel: r.channel,
      kind: r.kind,
      to: email?.to ?? (hook ? new URL(hook.url).host : ''),
      subject: email?.subject ?? String(hook?.body.event ?? r.kind),
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      nextAttemptAt: r.nextAttemptAt,
    };
  });
}

export async function outboxCounts(actor: Actor): Promise<Record<'pending' | 'sent' | 'dead', number>> {
  authorize(actor, 'outbox.manage');
  const db = await getDb();
  const rows = await db
    .select({ status: outboxMessages.status, n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .groupBy(outboxMessages.status);
  const counts = { pending: 0, sent: 0, dead: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}
