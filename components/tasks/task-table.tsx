import Link from 'next/link';
import { fill, type Messages } from '@/lib/i18n';
import { formatDate } from '@/lib/format';
import { cn } from '@/lib/cn';
import { DueCell, PriorityMark, TaskStatusBadge } from './marks';
import { DataTable } from '@/components/ui/data-table';
import type { TaskListItem } from '@/server/tasks/queries';

/** Tasks by deadline. `side` says whose list it is: the assignee's shows who gave it, the manager's who holds it. */
export function TaskTable({ m, rows, caption, side, meId }: { m: Messages; rows: TaskListItem[]; caption: string; side: 'mine' | 'given'; meId?: string }) {
  const t = m.tasks;
  return (
    <DataTable
      caption={caption}
      columns={[
        t.columns.task,
        t.columns.due,
        t.columns.priority,
        t.columns.status,
        side === 'mine' ? t.columns.from : t.columns.assignee,
        side === 'given' && t.columns.done,
      ]}
    >
      {rows.map((row) => {
        // In my list: work I hold for someone away (their task, or one meant for them).
        const substituting = side === 'mine' && meId && row.assigneeId !== meId ? row.assigneeName : row.substituteForName;
        return (
          <tr key={row.id} className={cn('border-t border-slate-200 align-top', row.isOverdue && 'bg-red-50')}>
            <td className="px-3 py-2">
              <Link href={`/ulesanded/${row.id}`} className="font-medium text-brand-700 underline">
                {row.title}
              </Link>
              {substituting && <div className="text-xs text-slate-700">{fill(t.substituting, { name: substituting })}</div>}
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <DueCell
                m={m}
                dueDate={row.dueDate}
                dueTime={row.dueTime}
                daysLeft={row.daysLeft}
                isOverdue={row.isOverdue}
                isDone={!['new', 'in_progress', 'returned'].includes(row.status)}
              />
            </td>
            <td className="px-3 py-2">
              <PriorityMark m={m} priority={row.priority} />
            </td>
            <td className="px-3 py-2">
              <TaskStatusBadge m={m} status={row.status} />
            </td>
            <td className="px-3 py-2">{side === 'mine' ? row.createdByName : row.assigneeName}</td>
            {side === 'given' && (
              <td className="whitespace-nowrap px-3 py-2">
                {row.doneAt ? (
                  <span className="flex flex-col">
                    {formatDate(row.doneAt)}
                    <span className={row.isLate ? 'text-xs font-semibold text-red-800' : 'text-xs text-green-800'}>{row.isLate ? t.late : t.onTime}</span>
                  </span>
                ) : (
                  '—'
                )}
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
