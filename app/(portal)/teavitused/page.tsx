import Link from 'next/link';
import { MarkRead } from '@/components/notifications/mark-read';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import { cn } from '@/lib/cn';
import { requireUser } from '@/server/auth/current-user';
import { getMessages } from '@/server/i18n';
import { markNotificationsReadAction } from '@/server/notifications/actions';
import { listNotifications } from '@/server/notifications/queries';

export const metadata = { title: 'Teavitused' };

export default async function NotificationsPage() {
  const user = await requireUser();
  const m = await getMessages();
  const n = m.notifications;
  const rows = await listNotifications(user);
  const unread = rows.filter((r) => !r.readAt).length;
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{n.title}</h1>
          <p className="text-slate-700">{n.lead}</p>
          <Link href="/teavitused/seaded" className="text-sm text-brand-700 underline">
            {n.settingsLink}
          </Link>
        </div>
        {unread > 0 && <MarkRead label={n.markAllRead} markRead={markNotificationsReadAction} />}
      </div>
      {rows.length === 0 ? (
        <p>{n.none}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((r) => (
            <li key={r.id} className={cn('rounded-lg border bg-white p-4', r.readAt ? 'border-slate-200' : 'border-brand-600')}>
              <div className="flex flex-wrap items-center gap-2">
                {!r.readAt && <Badge tone="brand">{n.unread}</Badge>}
                <h2 className="font-semibold">{r.subject}</h2>
              </div>
              <p className="text-sm text-slate-600">{formatDateTime(r.createdAt)}</p>
              <p className="mt-2 line-clamp-4 whitespace-pre-wrap break-words text-sm">{r.body}</p>
              {r.link && (
                <Link href={r.link} className="mt-2 inline-block text-sm text-brand-700 underline">
                  {n.open}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
