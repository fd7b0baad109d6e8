import { notifications, outboxMessages, type EmailPayload, type WebhookPayload } from '@/db/schema';
import { activePeople } from '@/server/org/people';
import type { Tx } from '@/server/tx';
import { currentRequestId } from '@/server/observability/context';
import { renderNotificationEmail } from '@/templates/email/notification';
import { readOutboxConfig } from './config';

// The portal's one way to tell people something. Call it inside the transaction that
// makes the change, so the notice exists exactly when the change does:
//
//   await db.transaction(async (tx) => {
//     …write the change…
//     await notify(tx, {
//       recipients: [{ staffId: manager.id }, { email: 'it-tugi@sotsiaalkindlustusamet.ee' }],
//       kind: 'incident.created',
//       subject: 'Uus intsident IT-2026-000123',
//       text: 'Mari Tamm teatas…',
//       link: '/intsidendid/IT-2026-000123',
//     });
//   });
//
// A staff recipient gets an in-app notification (the bell) and an e-mail; a plain address
// (a team mailbox) gets the e-mail. E-mails are queued in the outbox and sent by the
// worker with retries, one message per address so one bad address cannot hold up the
// others. Inactive staff are skipped. Text is Estonian and is shown as text, never HTML.

export type Recipient = { staffId: string } | { email: string };

export type NotifyInput = {
  recipients: readonly Recipient[];
  /** Machine-readable kind, e.g. `incident.created`; shown to admins in the outbox. */
  kind: string;
  subject: string;
  text: string;
  /** Portal path (`/intsidendid/…`) of what the notice is about. */
  link?: string;
  /** In-app only (no e-mail), e.g. for frequent low-value notices. */
  inAppOnly?: boolean;
};

export type NotifyResult = { inApp: number; emails: string[] };

export async function notify(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const config = readOutboxConfig();
  const staffIds = [...new Set(input.recipients.flatMap((r) => ('staffId' in r ? [r.staffId] : [])))];
  const people = await activePeople(tx, staffIds);
  if (people.length) {
    await tx
      .insert(notifications)
      .values(people.map((p) => ({ recipientId: p.id, kind: input.kind, subject: input.subject, body: input.text, link: input.link ?? null })));
  }
  const addresses = new Map<string, string>();
  for (const address of [...people.map((p) => p.email), ...input.recipients.flatMap((r) => ('email' in r ? [r.email] : []))]) {
    const key = address.trim().toLowerCase();
    if (key && !addresses.has(key)) addresses.set(key, address.trim());
  }
  if (input.inAppOnly || addresses.size === 0) return { inApp: people.length, emails: [] };
  const mail = renderNotificationEmail({ subject: input.subject, text: input.text, link: input.link ? `${config.portalUrl}${input.link}` : null });
  await tx.insert(outboxMessages).values(
    [...addresses.values()].map((to) => ({
      channel: 'email' as const,
      kind: input.kind,
      payload: { to, ...mail } satisfies EmailPayload,
      requestId: currentRequestId(),
    })),
  );
  return { inApp: people.length, emails: [...addresses.values()] };
}

/**
 * Queues a JSON event for the external helpdesk, when one is configured
 * (HELPDESK_WEBHOOK_URL). Returns whether it was queued.
 */
export async function enqueueWebhook(tx: Tx, kind: string, body: Record<string, unknown>): Promise<boolean> {
  const { webhookUrl } = readOutboxConfig();
  if (!webhookUrl) return false;
  const payload: WebhookPayload = { url: webhookUrl, body: { event: kind, ...body } };
  await tx.insert(outboxMessages).values({ channel: 'webhook', kind, payload, requestId: currentRequestId() });
  return true;
}
