'use server';

import { revalidatePath } from 'next/cache';
import { noticeSettingsSchema, type NoticeSettings } from '@/lib/notification-kinds';
import { runAction } from '@/server/action';
import { markNotificationsRead, notificationReadSchema, outboxRetrySchema, retryOutboxMessage } from './mutations';
import { saveNoticeSettings } from './preferences';

export async function markNotificationsReadAction(input: { id: string }) {
  const result = await runAction('notifications.read', notificationReadSchema, input, (user, data) => markNotificationsRead(user, data));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function retryOutboxMessageAction(input: { id: string }) {
  const result = await runAction('outbox.retry', outboxRetrySchema, input, (user, data, ctx) => retryOutboxMessage(user, data, ctx));
  if (result.ok) revalidatePath('/admin/valjuvad');
  return result;
}

export async function saveNoticeSettingsAction(input: NoticeSettings) {
  const result = await runAction('notifications.settings', noticeSettingsSchema, input, (user, data, ctx) => saveNoticeSettings(user, data, ctx));
  if (result.ok) revalidatePath('/teavitused/seaded');
  return result;
}
