import { NoticeSettingsForm } from '@/components/notifications/notice-settings-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { getMessages } from '@/server/i18n';
import { saveNoticeSettingsAction } from '@/server/notifications/actions';
import { noticeSettings } from '@/server/notifications/preferences';

export const metadata = { title: 'Teavituste seaded' };

export default async function NoticeSettingsPage() {
  const user = await requireUser();
  const m = await getMessages();
  const settings = await noticeSettings(user);
  return (
    <Card className="flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{m.notifications.settingsTitle}</h1>
        <p className="text-slate-700">{m.notifications.settingsLead}</p>
      </div>
      <NoticeSettingsForm initial={settings} save={saveNoticeSettingsAction} />
    </Card>
  );
}
