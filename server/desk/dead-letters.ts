import { asc, eq } from 'drizzle-orm';
import { outboxMessages, type EmailPayload } from '@/db/schema';
import { can } from '@/server/auth/policy';
import { LIMIT, type DeskItem, type DeskReader } from './item';

/** Administrators: messages the outbox gave up on, to send again. */
export async function deskDeadLetters(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db } = reader;
  if (!can(actor, 'outbox.manage')) return [];
  const rows = await db
    .select({ id: outboxMessages.id, kind: outboxMessages.kind, payload: outboxMessages.payload, lastError: outboxMessages.lastError })
    .from(outboxMessages)
    .where(eq(outboxMessages.status, 'dead'))
    .orderBy(asc(outboxMessages.createdAt))
    .limit(LIMIT);
  return rows.map((o) => ({
    kind: 'outbox_dead' as const,
    id: o.id,
    title: o.kind === 'notice.digest' || 'subject' in o.payload ? `${(o.payload as EmailPayload).subject} → ${(o.payload as EmailPayload).to}` : o.kind,
    reference: null,
    href: '/admin/valjuvad',
    dueDate: null,
    daysLeft: null,
    substitutingFor: null,
    detail: o.lastError,
  }));
}
