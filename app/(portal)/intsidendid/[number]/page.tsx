import { notFound } from 'next/navigation';
import { PriorityBadge, StatusBadge } from '@/components/incidents/badges';
import { Target } from '@/components/incidents/target';
import { TicketActions } from '@/components/incidents/ticket-actions';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FileView } from '@/components/viewer/file-view';
import { formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import type { IncidentCategory, IncidentStatus } from '@/lib/incident-schema';
import { versionOf } from '@/lib/record-version';
import { requireUser } from '@/server/auth/current-user';
import { getLocale, getMessages } from '@/server/i18n';
import { changeIncidentStatusAction, commentIncidentAction, takeIncidentAction } from '@/server/incidents/actions';
import { incidentWorkingDays } from '@/server/incidents/config';
import { getIncident } from '@/server/incidents/queries';

export const metadata = { title: 'Intsident' };

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);

export default async function IncidentPage({ params }: { params: Promise<{ number: string }> }) {
  const user = await requireUser();
  const { number } = await params;
  if (!/^IT-\d{4}-\d{6}$/.test(number)) notFound();
  const m = await getMessages();
  const locale = await getLocale();
  const t = m.incidents;
  const ticket = await getIncident(user, number, locale);
  if (!ticket) notFound();
  const now = new Date();
  const routing = ticket.routing;
  const facts: [string, React.ReactNode][] = [
    [t.category, t.categories[ticket.category as IncidentCategory]],
    [t.office, ticket.officeName],
    [t.place, ticket.place],
    [t.assetTag, ticket.assetTag ?? '—'],
    [t.serviceBlocked, ticket.serviceBlocked ? t.yes : t.no],
    [t.peopleAffected, ticket.peopleAffected],
    [t.reporter, ticket.reporterName],
    [t.reported, formatDateTime(ticket.createdAt)],
    [t.assignee, ticket.assigneeName ?? t.unassigned],
    [t.queue, ticket.queue === 'mailbox' ? (routing?.rule?.queueName ?? t.queues.mailbox) : t.queues[ticket.queue as 'it_support' | 'regional_manager']],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{ticket.number}</h1>
        <StatusBadge m={m} status={ticket.status} />
        <PriorityBadge m={m} priority={ticket.priority} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t.description}</h2>
            <p className="whitespace-pre-wrap break-words">{ticket.description}</p>
            {ticket.resolution && (
              <div className="mt-4 rounded-md border border-green-200 bg-green-50 p-3">
                <h3 className="font-semibold">{t.resolution}</h3>
                <p className="whitespace-pre-wrap break-words">{ticket.resolution}</p>
              </div>
            )}
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t.attachments}</h2>
            {ticket.attachments.length ? (
              <ul className="flex flex-col gap-1">
                {ticket.attachments.map((a) => (
                  <li key={a.id}>
                    <FileView href={`/intsidendid/${ticket.number}/manus/${a.id}`} name={a.filename} mime={a.mime}>
                      <a className="text-brand-700 underline" href={`/intsidendid/${ticket.number}/manus/${a.id}`}>
                        {fill(t.download, { name: a.filename, size: size(a.size) })}
                      </a>
                    </FileView>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700">{t.noAttachments}</p>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t.timeline}</h2>
            {ticket.updates.length ? (
              <ol className="flex flex-col gap-3">
                {ticket.updates.map((u) => (
                  <li
                    key={u.id}
                    className={u.visibility === 'internal' ? 'rounded-md border border-amber-200 bg-amber-50 p-3' : 'rounded-md border border-slate-200 p-3'}
                  >
                    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                      <span className="font-medium text-slate-900">{u.authorName}</span>
                      <span>{formatDateTime(u.createdAt)}</span>
                      {ticket.canWork && (
                        <Badge tone={u.visibility === 'internal' ? 'neutral' : 'brand'}>{u.visibility === 'internal' ? t.internal : t.public}</Badge>
                      )}
                    </div>
                    {u.statusTo && (
                      <p className="text-sm font-medium">
                        {fill(t.statusChanged, { from: u.statusFrom ? t.statuses[u.statusFrom] : '—', to: t.statuses[u.statusTo] })}
                      </p>
                    )}
                    {u.body && <p className="mt-1 whitespace-pre-wrap break-words">{u.body}</p>}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-slate-700">{t.noUpdates}</p>
            )}
          </Card>
          {(ticket.canWork || ticket.isReporter) && (
            <Card>
              <TicketActions
                ticket={{
                  id: ticket.id,
                  version: versionOf(ticket),
                  status: ticket.status as IncidentStatus,
                  canWork: ticket.canWork,
                  isMine: ticket.assigneeId === user.id,
                }}
                actions={{ take: takeIncidentAction, status: changeIncidentStatusAction, comment: commentIncidentAction }}
              />
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t.targets}</h2>
            <dl className="flex flex-col gap-2 text-sm">
              <dt className="font-medium">{t.responseTarget}</dt>
              <dd>
                <Target m={m} due={ticket.responseDueAt} doneAt={ticket.firstResponseAt} now={now} workingDays={incidentWorkingDays()} />
              </dd>
              <dt className="font-medium">{t.resolutionTarget}</dt>
              <dd>
                <Target m={m} due={ticket.resolutionDueAt} doneAt={ticket.resolvedAt} now={now} workingDays={incidentWorkingDays()} />
              </dd>
            </dl>
          </Card>
          {routing && (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">{t.routing}</h2>
              <p className="text-sm">
                {routing.rule
                  ? fill(t.routedByRule, { category: t.categories[routing.rule.category as IncidentCategory], region: routing.rule.regionCode })
                  : t.routedByDefault}
              </p>
              {routing.queueMailbox && <p className="text-sm">{routing.queueMailbox}</p>}
              <p className="mt-2 text-sm">
                {routing.informed.length ? fill(t.informed, { names: routing.informed.map((p) => p.name).join(', ') }) : t.nobodyInformed}
              </p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
