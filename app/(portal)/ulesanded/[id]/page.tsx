import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { DueCell, PriorityMark, TaskStatusBadge } from '@/components/tasks/marks';
import { TaskActions } from '@/components/tasks/task-actions';
import { Card } from '@/components/ui/card';
import { versionOf } from '@/lib/record-version';
import { formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { cancelTaskAction, commentTaskAction, completeTaskAction, reviewTaskAction, startTaskAction } from '@/server/tasks/actions';
import { getTaskCard } from '@/server/tasks/queries';

export const metadata = { title: 'Ülesanne' };

type Props = { params: Promise<{ id: string }> };

export default async function TaskPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user, 'tasks.read')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const m = await getMessages();
  const t = m.tasks;
  const card = await getTaskCard(user, id, { requestId: await getRequestId() });
  if (!card) notFound();
  const { task } = card;
  const rows: [string, ReactNode][] = [
    [t.columns.status, <TaskStatusBadge key="s" m={m} status={task.status} />],
    [
      t.columns.due,
      <DueCell
        key="d"
        m={m}
        dueDate={task.dueDate}
        dueTime={task.dueTime}
        daysLeft={card.daysLeft}
        isOverdue={card.isOverdue}
        isDone={!['new', 'in_progress', 'returned'].includes(task.status)}
      />,
    ],
    [t.columns.priority, <PriorityMark key="p" m={m} priority={task.priority} />],
    [t.card.createdBy, `${card.createdByName}, ${formatDateTime(task.createdAt)}`],
    [t.card.assignee, card.assigneeName],
  ];
  if (card.substituteForName) rows.push([t.card.substituteFor, fill(t.substituting, { name: card.substituteForName })]);
  if (card.documentNumber)
    rows.push([
      t.card.document,
      <Link key="doc" href={`/dokumendid/${task.documentId}`} className="font-mono text-brand-700 underline">
        {card.documentNumber}
      </Link>,
    ]);
  if (card.client)
    rows.push([
      t.card.client,
      can(user, 'clients.read') ? (
        <Link key="c" href={`/kliendid/${card.client.id}`} className="text-brand-700 underline">
          {card.client.givenName} {card.client.familyName} · {card.client.personalCode}
        </Link>
      ) : (
        `${card.client.givenName} ${card.client.familyName}`
      ),
    ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/ulesanded" className="text-sm text-brand-700 underline">
          {t.title}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{task.title}</h1>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t.card.details}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <h3 className="mt-4 font-semibold">{t.card.description}</h3>
            <p className="whitespace-pre-wrap text-sm">{task.description}</p>
            {task.result && (
              <>
                <h3 className="mt-4 font-semibold">{t.card.result}</h3>
                <p className="whitespace-pre-wrap text-sm">{task.result}</p>
              </>
            )}
            {card.attachments.length > 0 && (
              <>
                <h3 className="mt-4 font-semibold">{t.card.attachments}</h3>
                <ul className="text-sm">
                  {card.attachments.map((f) => (
                    <li key={f.id}>
                      <a className="text-brand-700 underline" href={`/ulesanded/${task.id}/manus/${f.id}`}>
                        {f.filename}
                      </a>{' '}
                      <span className="text-slate-600">{Math.max(1, Math.round(f.size / 1024))} kB</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t.card.history}</h2>
            <ol className="flex flex-col gap-2 text-sm">
              {card.events.map((e) => (
                <li key={e.id} className="border-l-2 border-brand-100 pl-3">
                  <span className="font-medium">{t.events[e.kind as keyof typeof t.events] ?? e.kind}</span> · {formatDateTime(e.at)}
                  {e.actorName && <span className="text-slate-600"> · {e.actorName}</span>}
                  {typeof e.details?.substitution === 'string' && <span className="block text-xs text-slate-700">{e.details.substitution}</span>}
                  {(e.details?.reminder === 'due_soon' || e.details?.reminder === 'overdue') && (
                    <span className="block text-xs text-slate-700">{t.reminders[e.details.reminder]}</span>
                  )}
                  {e.note && <p className="whitespace-pre-wrap text-slate-700">„{e.note}“</p>}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        {card.isParty && (
          <Card className="self-start">
            <h2 className="mb-3 text-lg font-semibold">{t.actions.title}</h2>
            <TaskActions
              taskId={task.id}
              version={versionOf(task)}
              can={card.can}
              actions={{ start: startTaskAction, complete: completeTaskAction, comment: commentTaskAction, review: reviewTaskAction, cancel: cancelTaskAction }}
            />
          </Card>
        )}
      </div>
    </div>
  );
}
