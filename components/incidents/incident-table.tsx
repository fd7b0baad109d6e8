import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { Messages } from '@/lib/i18n';
import { targetState } from '@/lib/incident-targets';
import { cn } from '@/lib/cn';
import type { WorkingDays } from '@/lib/tallinn-time';
import { PriorityBadge, StatusBadge } from './badges';
import { Target } from './target';
import { DataTable } from '@/components/ui/data-table';
import type { IncidentListItem } from '@/server/incidents/queries';

/** A list of tickets; with `showTargets`, rows past a target are marked (colour and text). */
export function IncidentTable({
  m,
  rows,
  now,
  workingDays,
  showTargets = false,
  caption,
}: {
  m: Messages;
  rows: IncidentListItem[];
  now: Date;
  workingDays?: WorkingDays;
  showTargets?: boolean;
  caption: string;
}) {
  const t = m.incidents;
  return (
    <DataTable
      caption={caption}
      columns={[
        t.number,
        t.category,
        t.priority,
        t.status,
        t.office,
        showTargets ? t.reporter : t.reported,
        showTargets && t.assignee,
        showTargets && t.responseTarget,
        showTargets && t.resolutionTarget,
      ]}
    >
      {rows.map((row) => {
        const breached =
          showTargets &&
          [targetState(row.responseDueAt, row.firstResponseAt, now, workingDays), targetState(row.resolutionDueAt, row.resolvedAt, now, workingDays)].some(
            (s) => s.state === 'overdue' || s.state === 'breached',
          );
        return (
          <tr key={row.id} className={cn('border-t border-slate-200 align-top', breached && 'bg-red-50')}>
            <td className="whitespace-nowrap px-3 py-2">
              <Link className="font-medium text-brand-700 underline" href={`/intsidendid/${row.number}`}>
                {row.number}
              </Link>
            </td>
            <td className="px-3 py-2">
              {t.categories[row.category]}
              <div className="text-xs text-slate-600">{row.place}</div>
            </td>
            <td className="px-3 py-2">
              <PriorityBadge m={m} priority={row.priority} />
            </td>
            <td className="px-3 py-2">
              <StatusBadge m={m} status={row.status} />
            </td>
            <td className="px-3 py-2">{row.officeName}</td>
            <td className="px-3 py-2">
              {showTargets ? row.reporterName : null}
              <div className={showTargets ? 'text-xs text-slate-600' : ''}>{formatDateTime(row.createdAt)}</div>
            </td>
            {showTargets && (
              <>
                <td className="px-3 py-2">{row.assigneeName ?? '—'}</td>
                <td className="px-3 py-2">
                  <Target m={m} due={row.responseDueAt} doneAt={row.firstResponseAt} now={now} workingDays={workingDays} compact />
                </td>
                <td className="px-3 py-2">
                  <Target m={m} due={row.resolutionDueAt} doneAt={row.resolvedAt} now={now} workingDays={workingDays} compact />
                </td>
              </>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
