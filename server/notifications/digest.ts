import { and, inArray, sql } from 'drizzle-orm';
import { selectRows, type Db } from '@/db/client';
import { outboxMessages, staff, type EmailPayload } from '@/db/schema';
import { formatDateTime } from '@/lib/format';
import { fill, isLocale, type Locale } from '@/lib/i18n';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { tallinnDate } from '@/server/calendar/working-days';
import { readOutboxConfig } from './config';
import { noticeWords } from './notice-texts';
import { renderIn } from './notify';

// The daily e-mail digest: the notices a person takes "once a day" (notification_preferences)
// are marked digest_pending when written; once a day, from NOTICE_DIGEST_HOUR Tallinn time,
// every notice marked before that hour goes out in one e-mail per person, in their language.
// Run by the scheduler wherever the outbox worker runs. Idempotent with several workers: the
// marks are cleared by one UPDATE … RETURNING in the transaction that queues the e-mails, so
// a second worker's UPDATE waits for it and then finds nothing left.

export function digestHour(env: Record<string, string | undefined> = process.env): number {
  const hour = Number(env.NOTICE_DIGEST_HOUR);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 7;
}

type Pending = { recipient_id: string; subject: string; body: string; link: string | null; created_at: Date | string };

export async function sendDigests({
  db,
  now = new Date(),
  hour = digestHour(),
}: {
  db: Db;
  now?: Date;
  hour?: number;
}): Promise<{ digests: number; notices: number }> {
  const cutoff = tallinnLocalToInstant(`${tallinnDate(now)}T${String(hour).padStart(2, '0')}:00`)!;
  if (now < cutoff) return { digests: 0, notices: 0 };
  const { portalUrl } = readOutboxConfig();
  return db.transaction(async (tx) => {
    const rows = await selectRows<Pending>(
      tx,
      sql`update notifications set digest_pending = false
          where digest_pending and created_at < ${cutoff.toISOString()}::timestamptz
          returning recipient_id, subject, body, link, created_at`,
    );
    if (rows.length === 0) return { digests: 0, notices: 0 };
    const byRecipient = new Map<string, Pending[]>();
    for (const r of rows) byRecipient.set(r.recipient_id, [...(byRecipient.get(r.recipient_id) ?? []), r]);
    const people = await tx
      .select({ id: staff.id, email: staff.email, language: staff.language })
      .from(staff)
      .where(and(inArray(staff.id, [...byRecipient.keys()]), sql`${staff.isActive}`));
    const words = await noticeWords(tx, now);
    const mails = people.map((p) => {
      const locale: Locale = isLocale(p.language) ? p.language : 'et';
      const n = words.messages(locale).notifications;
      const notices = byRecipient.get(p.id)!.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
      const text = [
        n.digestIntro,
        ...notices.map((x) =>
          [`${formatDateTime(new Date(x.created_at))} · ${x.subject}`, x.body, x.link ? `${n.emailLinkLabel}: ${portalUrl}${x.link}` : null]
            .filter(Boolean)
            .join('\n'),
        ),
      ].join('\n\n');
      return {
        to: p.email,
        ...renderIn(locale, { subject: fill(n.digestSubject, { n: notices.length }), text, link: `${portalUrl}/teavitused` }, words),
        texts: { 'notice-common': words.versions['notice-common'] },
      };
    });
    if (mails.length) {
      await tx
        .insert(outboxMessages)
        .values(mails.map((payload) => ({ channel: 'email' as const, kind: 'notice.digest', payload: payload satisfies EmailPayload })));
    }
    return { digests: mails.length, notices: rows.length };
  });
}
