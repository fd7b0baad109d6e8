import { Badge } from '@/components/ui/badge';
import { formatDays } from '@/lib/day-count';
import { formatDate } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';
import type { DocumentStatus } from '@/lib/register-schema';

/** The access-restriction mark (Andmekaitse Inspektsioon's form) shown wherever a restricted document is. */
export function RestrictionMark({ m, ground, until }: { m: Messages; ground: string | null; until: string | null }) {
  return (
    <div className="inline-flex flex-col rounded border-2 border-red-800 px-3 py-1 text-xs font-semibold uppercase leading-tight text-red-900" role="note">
      <span>{m.register.restrictionMark}</span>
      {ground && <span className="normal-case">{fill(m.register.restrictionBasis, { ground })}</span>}
      {until && <span className="normal-case">{fill(m.register.restrictionValid, { date: formatDate(until) })}</span>}
    </div>
  );
}

export function StatusBadge({ m, status }: { m: Messages; status: DocumentStatus }) {
  const tone = status === 'closed' || status === 'answered' ? 'success' : status === 'waiting_for_client' ? 'neutral' : 'brand';
  return <Badge tone={tone}>{m.register.statuses[status]}</Badge>;
}

/** Days left to the deadline; overdue ones stand out. */
export function DeadlineCell({ m, dueDate, daysLeft, paused }: { m: Messages; dueDate: string | null; daysLeft: number | null; paused: boolean }) {
  if (paused) return <Badge tone="neutral">{m.register.paused}</Badge>;
  if (!dueDate) return <span className="text-slate-500">—</span>;
  const overdue = daysLeft !== null && daysLeft < 0;
  return (
    <span className="flex flex-col">
      <span className={overdue ? 'font-semibold text-red-800' : undefined}>{formatDate(dueDate)}</span>
      {daysLeft !== null &&
        (overdue ? (
          <Badge tone="danger">{m.register.overdue}</Badge>
        ) : (
          <span className="text-xs text-slate-600">
            {daysLeft === 0 ? m.register.dueToday : fill(m.register.daysLeft, { days: formatDays(daysLeft, 'calendar', m.locale) })}
          </span>
        ))}
    </span>
  );
}
