import { Badge } from '@/components/ui/badge';
import { formatDays } from '@/lib/day-count';
import { formatDate } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';
import type { TaskPriority, TaskStatus } from '@/lib/task-schema';

export function TaskStatusBadge({ m, status }: { m: Messages; status: TaskStatus }) {
  const tone = status === 'accepted' ? 'success' : status === 'cancelled' ? 'neutral' : status === 'returned' ? 'danger' : 'brand';
  return <Badge tone={tone}>{m.tasks.statuses[status]}</Badge>;
}

export function PriorityMark({ m, priority }: { m: Messages; priority: TaskPriority }) {
  return priority === 'high' ? <Badge tone="danger">{m.tasks.priorities.high}</Badge> : <span className="text-sm">{m.tasks.priorities[priority]}</span>;
}

/** The deadline and how far it is: overdue in red with words, not colour alone. */
export function DueCell({
  m,
  dueDate,
  dueTime,
  daysLeft,
  isOverdue,
  isDone = false,
}: {
  m: Messages;
  dueDate: string | null;
  dueTime?: string | null;
  daysLeft: number | null;
  isOverdue: boolean;
  isDone?: boolean;
}) {
  const t = m.tasks;
  if (!dueDate) return <span className="text-slate-600">{m.desk.noDeadline}</span>;
  return (
    <span className="flex flex-col">
      <span className={isOverdue ? 'font-semibold text-red-800' : undefined}>
        {formatDate(dueDate)}
        {dueTime ? ` ${dueTime.slice(0, 5)}` : ''}
      </span>
      {!isDone && daysLeft !== null && (
        <span className={isOverdue || daysLeft < 0 ? 'text-xs font-semibold text-red-800' : 'text-xs text-slate-600'}>
          {isOverdue || daysLeft < 0
            ? `${t.overdue}${daysLeft < 0 ? ` · ${fill(t.daysOverdue, { days: formatDays(-daysLeft, 'calendar', m.locale) })}` : ''}`
            : daysLeft === 0
              ? t.dueToday
              : fill(t.daysLeft, { days: formatDays(daysLeft, 'calendar', m.locale) })}
        </span>
      )}
    </span>
  );
}
