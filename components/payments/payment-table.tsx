import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { formatDate, formatEuros } from '@/lib/format';
import type { Messages } from '@/lib/i18n';

export type PaymentStatus = 'prepared' | 'approved' | 'handed_over' | 'returned' | 'rejected';
type Row = {
  id: string;
  status: PaymentStatus;
  kindName: string;
  deceasedName: string;
  recipientName: string;
  amountCents: number;
  preparedAt: Date;
  returnReason?: string | null;
  rejectReason?: string | null;
};

const tones = { handed_over: 'success', approved: 'brand', prepared: 'neutral', returned: 'warning', rejected: 'danger' } as const;

export function PaymentStatusBadge({ m, status }: { m: Messages; status: PaymentStatus }) {
  return <Badge tone={tones[status]}>{m.payments.statuses[status]}</Badge>;
}

export function PaymentTable({ m, rows, caption }: { m: Messages; rows: Row[]; caption: string }) {
  const c = m.payments.columns;
  return (
    <DataTable
      caption={caption}
      columns={[
        c.deceased,
        c.kind,
        c.recipient,
        <span key="amount" className="block text-right">
          {c.amount}
        </span>,
        c.preparedAt,
        c.status,
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-200">
          <td className="px-3 py-2">
            <Link href={`/maksed/${row.id}`} className="font-medium text-brand-700 underline">
              {row.deceasedName}
            </Link>
          </td>
          <td className="px-3 py-2">{row.kindName}</td>
          <td className="px-3 py-2">{row.recipientName}</td>
          <td className="px-3 py-2 text-right whitespace-nowrap">{formatEuros(row.amountCents)}</td>
          <td className="px-3 py-2">{formatDate(row.preparedAt)}</td>
          <td className="px-3 py-2">
            <PaymentStatusBadge m={m} status={row.status} />
            {/* A returned or rejected payment stays in the list with its reason (shown as text). */}
            {(row.returnReason ?? row.rejectReason) && (
              <p className="mt-1 line-clamp-3 max-w-xs text-xs break-words whitespace-pre-line text-slate-700">
                {m.payments.card.reason}: {row.returnReason ?? row.rejectReason}
              </p>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
