import { and, eq, inArray } from 'drizzle-orm';
import { notificationPreferences, notifications, outboxMessages, staff, type EmailPayload, type WebhookPayload } from '@/db/schema';
import { isLocale, messagesFor, type Locale } from '@/lib/i18n';
import { noticeGroupOf, type EmailMode } from '@/lib/notification-kinds';
import type { Tx } from '@/server/tx';
import { currentRequestId } from '@/server/observability/context';
import { renderNotificationEmail } from '@/templates/email/notification';
import { readOutboxConfig } from './config';
import { noticeSetsOf, noticeWords, type NoticeWords } from './notice-texts';
import type { Notice } from './notices';

// The portal's one way to tell people something. Call it inside the transaction that
// makes the change, so the notice exists exactly when the change does:
//
//   await db.transaction(async (tx) => {
//     …write the change…
//     await notify(tx, {
//       recipients: [{ staffId: manager.id }, { email: 'it-tugi@sotsiaalkindlustusamet.ee' }],
//       notice: notice('incident.reply', { number: 'IT-2026-000123', body: 'Printer töötab jälle.' }),
//       link: '/intsidendid/IT-2026-000123',
//     });
//   });
//
// A staff recipient gets an in-app notification (the bell) and an e-mail; a plain address
// (a team mailbox) gets the e-mail. E-mails are queued in the outbox and sent by the
// worker with retries, one message per address so one bad address cannot hold up the
// others. Inactive staff are skipped. Text is shown as text, never HTML.
//
// Each staff recipient gets the notice in their language (staff.language), in the bell and
// in the e-mail alike; a team mailbox gets it in Estonian. The words of every kind are in
// ./notices.ts, as administrators have published them (./notice-texts.ts); each e-mail keeps
// the versions of the texts it was written with.
// Their e-mail follows their choice for the kind's group (notification_preferences, no row
// = immediately): immediately, in the daily digest (server/notifications/digest.ts), or not.

export type Recipient = { staffId: string } | { email: string };

export type NotifyInput = {
  recipients: readonly Recipient[];
  /** What to say, built by notice() from ./notices.ts; its kind is shown to admins in the outbox. */
  notice: Notice;
  /** Portal path (`/intsidendid/…`) of what the notice is about. */
  link?: string;
  /** In-app only (no e-mail), e.g. for frequent low-value notices. */
  inAppOnly?: boolean;
};

export type NotifyResult = { inApp: number; emails: string[] };

export async function notify(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const config = readOutboxConfig();
  const staffIds = [...new Set(input.recipients.flatMap((r) => ('staffId' in r ? [r.staffId] : [])))];
  const kind = input.notice.kind;
  const group = noticeGroupOf(kind);
  const people = staffIds.length
    ? await tx
        .select({ id: staff.id, email: staff.email, language: staff.language, mode: notificationPreferences.email })
        .from(staff)
        .leftJoin(notificationPreferences, and(eq(notificationPreferences.staffId, staff.id), eq(notificationPreferences.kind, group ?? '')))
        .where(and(inArray(staff.id, staffIds), eq(staff.isActive, true)))
    : [];
  const words = await noticeWords(tx);
  const contentIn = (locale: Locale) => input.notice.render(locale, words.messages);
  const recipients = people.map((p) => {
    const locale: Locale = isLocale(p.language) ? p.language : 'et';
    const mode: EmailMode = input.inAppOnly ? 'off' : (p.mode ?? 'immediate');
    return { ...p, locale, mode, content: contentIn(locale) };
  });
  if (recipients.length) {
    await tx.insert(notifications).values(
      recipients.map((p) => ({
        recipientId: p.id,
        kind,
        subject: p.content.subject,
        body: p.content.text,
        link: input.link ?? null,
        digestPending: p.mode === 'digest',
      })),
    );
  }
  const link = input.link ? `${config.portalUrl}${input.link}` : null;
  // One message per address; a person's own address in their language, a mailbox's in Estonian.
  const mails = new Map<string, { to: string; locale: Locale; content: { subject: string; text: string } }>();
  const seen = new Set<string>();
  for (const p of recipients) {
    const key = p.email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (p.mode === 'immediate') mails.set(key, { to: p.email.trim(), locale: p.locale, content: p.content });
  }
  for (const address of input.recipients.flatMap((r) => ('email' in r ? [r.email] : []))) {
    const key = address.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    mails.set(key, { to: address.trim(), locale: 'et', content: contentIn('et') });
  }
  if (input.inAppOnly || mails.size === 0) return { inApp: recipients.length, emails: [] };
  const texts = Object.fromEntries(noticeSetsOf(kind).map((id) => [id, words.versions[id]]));
  await tx.insert(outboxMessages).values(
    [...mails.values()].map(({ to, locale, content }) => ({
      channel: 'email' as const,
      kind,
      payload: { to, ...renderIn(locale, { ...content, link }, words), texts } satisfies EmailPayload,
      requestId: currentRequestId(),
    })),
  );
  return { inApp: recipients.length, emails: [...mails.values()].map((m) => m.to) };
}

/** The notification e-mail with its link label and footer in the recipient's language. */
export function renderIn(locale: Locale, props: { subject: string; text: string; link: string | null }, words?: NoticeWords) {
  const n = (words?.messages ?? messagesFor)(locale).notifications;
  return renderNotificationEmail({ ...props, linkLabel: n.emailLinkLabel, footer: n.emailFooter, lang: locale });
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
