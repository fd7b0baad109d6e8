import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OutboxRetry } from '@/components/notifications/outbox-retry';
import { Alert } from '@/components/ui/alert';
import { formatDateTime } from '@/lib/format';
import { cn } from '@/lib/cn';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { retryOutboxMessageAction } from '@/server/notifications/actions';
import { listOutbox, outboxCounts } from '@/server/notifications/queries';

export const metadata = { title: 'Väljuvad teated' };

const TABS = ['dead', 'pending', 'sent'] as const;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ olek?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'outbox.manage')) notFound();
  const m = await getMessages();
  const n = m.notifications;
  const { olek } = await searchParams;
  const tab = (TABS as readonly string[]).includes(olek ?? '') ? (olek as (typeof TABS)[number]) : 'dead';
  const [rows, counts] = await Promise.all([listOutbox(user, tab), outboxCounts(user)]);
  const demo = !process.env.DATABASE_URL;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{n.outboxTitle}</h1>
        <p className="max-w-4xl text-slate-700">{n.outboxLead}</p>
      </div>
      {demo && <Alert>{n.outboxDemo}</Alert>}
      <nav aria-label={n.outboxTitle}>
        <ul className="flex gap-2">
          {TABS.map((t) => (
            <li key={t}>
              <Link
                href={`/admin/valjuvad?olek=${t}`}
                aria-current={t === tab ? 'page' : undefined}
                className={cn(
                  'inline-block rounded-md border px-3 py-1 text-sm',
                  t === tab ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white',
                )}
              >
                {n.outboxTabs[t]} ({counts[t]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{n.outboxNone}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {n.outboxTitle}: {n.outboxTabs[tab]}
            </caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                {[n.outboxCreated, n.outboxChannel, n.outboxTo, n.outboxSubject, n.outboxAttempts, tab === 'sent' ? n.outboxSentAt : n.outboxError].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h}
                  </th>
                ))}
                {tab === 'dead' && (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{n.outboxRetry}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.createdAt)}</td>
                  <td className="px-3 py-2">{r.channel}</td>
                  <td className="px-3 py-2 break-all">{r.to}</td>
                  <td className="px-3 py-2">{r.subject}</td>
                  <td className="px-3 py-2">{r.attempts}</td>
                  <td className="px-3 py-2 text-xs">
                    {tab === 'sent' ? (r.sentAt ? formatDateTime(r.sentAt) : '—') : (r.lastError ?? '—')}
                    {tab === 'pending' && <div className="text-slate-600">{`${n.outboxNext}: ${formatDateTime(r.nextAttemptAt)}`}</div>}
                  </td>
                  {tab === 'dead' && (
                    <td className="px-3 py-2">
                      <OutboxRetry id={r.id} retry={retryOutboxMessageAction} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
