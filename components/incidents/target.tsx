import { formatDateTime } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';
import { hoursAndMinutes, targetState } from '@/lib/incident-targets';
import { cn } from '@/lib/cn';
import type { WorkingDays } from '@/lib/tallinn-time';

/** One response or resolution target: due time, and time left, met, or by how much it was missed. */
export function Target({
  m,
  due,
  doneAt,
  now,
  workingDays,
  compact = false,
}: {
  m: Messages;
  due: Date;
  doneAt: Date | null;
  now: Date;
  workingDays?: WorkingDays;
  compact?: boolean;
}) {
  const t = m.incidents;
  const s = targetState(due, doneAt, now, workingDays);
  const time = fill(t.hoursMinutes, hoursAndMinutes(s.minutes));
  const bad = s.state === 'overdue' || s.state === 'breached';
  const text =
    s.state === 'open' ? fill(t.left, { time }) : s.state === 'overdue' ? fill(t.overdue, { time }) : s.state === 'met' ? t.met : `${t.breached} (${time})`;
  return (
    <span className={cn('text-sm', bad ? 'font-semibold text-red-800' : 'text-slate-700')} data-breached={bad || undefined}>
      {compact ? text : `${fill(t.due, { date: formatDateTime(due) })} · ${text}`}
    </span>
  );
}
