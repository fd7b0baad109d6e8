import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { formatDate, formatEuros } from '@/lib/format';
import type { Messages } from '@/lib/i18n';

export type PaymentStatus = 'prepared' | 'approved' | 'handed_over';
type Row = { id: string; status: PaymentStatus; kindName: string; deceasedName: string; recipientName: string; amountCents: number; preparedAt: Date };

export function PaymentStatusBadge({ m, status }: { m: Messages; status: PaymentStatus }) {
  const tone = status === 'handed_over' ? 'success' : status === 'approved' ? 'brand' : 'neutral';
  return <Badge tone={tone}>{m.payments.statuses[status]}</Badge>;
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
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
