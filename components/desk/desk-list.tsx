import Link from 'next/link';
import { DueCell } from '@/components/tasks/marks';
import { Badge } from '@/components/ui/badge';
import { fill, type Messages } from '@/lib/i18n';
import { cn } from '@/lib/cn';
import { DataTable } from '@/components/ui/data-table';
import type { DeskItem } from '@/server/desk/queries';

const kindTone = {
  document: 'brand',
  task: 'brand',
  review: 'success',
  incident: 'neutral',
  proposal: 'neutral',
  forwarding: 'brand',
  payment_approval: 'success',
  payment_return: 'warning',
  incident_queue: 'warning',
  payment_batch: 'success',
  outbox_dead: 'warning',
} as const;

/** "Minu töölaud": one list by deadline, each row with its days left and a link. */
export function DeskList({ m, rows, caption }: { m: Messages; rows: DeskItem[]; caption: string }) {
  const k = m.desk;
  const note = (row: DeskItem) => {
    if (row.substitutingFor) return fill(k.substituting, { name: row.substitutingFor });
    if (row.kind === 'incident') return [row.detail === 'assigned' ? k.assignedToMe : k.reported, row.where].filter(Boolean).join(' · ');
    if (row.kind === 'incident_queue') return [k.unassigned, row.where].filter(Boolean).join(' · ');
    if (row.kind === 'outbox_dead') return row.detail;
    if (row.kind === 'payment_batch') return row.detail ? fill(k.preparedBy, { name: row.detail }) : null;
    if (row.kind === 'forwarding') return row.detail ? fill(k.forwardTo, { authority: row.detail }) : null;
    if (row.kind === 'payment_return') return row.detail ? fill(k.returnedBecause, { reason: row.detail }) : null;
    if (row.detail) return fill(k.fromPerson, { name: row.detail });
    return null;
  };
  const title = (row: DeskItem) =>
    (row.kind === 'incident' || row.kind === 'incident_queue') && row.incidentCategory
      ? `${m.incidents.categories[row.incidentCategory]} · ${row.title}`
      : row.title;
  return (
    <DataTable caption={caption} columns={[k.columns.due, k.columns.kind, k.columns.what, k.columns.note]}>
      {rows.map((row) => {
        const overdue = row.daysLeft !== null && row.daysLeft < 0;
        return (
          <tr key={`${row.kind}-${row.id}`} className={cn('border-t border-slate-200 align-top', overdue && 'bg-red-50')}>
            <td className="whitespace-nowrap px-3 py-2">
              <DueCell m={m} dueDate={row.dueDate} daysLeft={row.daysLeft} isOverdue={overdue} />
            </td>
            <td className="px-3 py-2">
              <Badge tone={kindTone[row.kind]}>{k.kinds[row.kind]}</Badge>
            </td>
            <td className="px-3 py-2">
              <Link href={row.href} className="font-medium text-brand-700 underline">
                {row.reference ? <span className="font-mono">{row.reference}</span> : null}
                {row.reference ? ' · ' : null}
                {title(row)}
              </Link>
            </td>
            <td className="px-3 py-2 text-slate-700">{note(row)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
