import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notificationPreferences, staff } from '@/db/schema';
import { isLocale } from '@/lib/i18n';
import { NOTICE_GROUPS, noticeSettingsSchema, type EmailMode, type NoticeGroup, type NoticeSettings } from '@/lib/notification-kinds';
import { appendAudit } from '@/server/audit/record';
import { authorize, type Actor } from '@/server/auth/policy';

// A person's own notice settings: the language of their notices and e-mails, and per kind
// whether e-mail comes immediately, in the daily digest or not at all. Only their own row.

export async function noticeSettings(actor: Actor): Promise<NoticeSettings> {
  authorize(actor, 'notifications.read');
  const db = await getDb();
  const [[person], rows] = await Promise.all([
    db.select({ language: staff.language }).from(staff).where(eq(staff.id, actor.id)),
    db
      .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.staffId, actor.id)),
  ]);
  const email = Object.fromEntries(NOTICE_GROUPS.map((g) => [g, 'immediate'])) as Record<NoticeGroup, EmailMode>;
  for (const r of rows) if ((NOTICE_GROUPS as readonly string[]).includes(r.kind)) email[r.kind as NoticeGroup] = r.email;
  return { language: isLocale(person?.language) ? person.language : 'et', email };
}

export async function saveNoticeSettings(actor: Actor, input: unknown, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'notifications.read');
  const data = noticeSettingsSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(staff).set({ language: data.language }).where(eq(staff.id, actor.id));
    await tx
      .insert(notificationPreferences)
      .values(NOTICE_GROUPS.map((kind) => ({ staffId: actor.id, kind, email: data.email[kind] })))
      .onConflictDoUpdate({
        target: [notificationPreferences.staffId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: sql`now()` },
      });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'notifications.settings',
      entityType: 'staff',
      entityId: actor.id,
      requestId: ctx.requestId,
      details: data,
    });
  });
}
