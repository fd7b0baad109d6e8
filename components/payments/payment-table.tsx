import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {c.deceased}
            </th>
            <th scope="col" className="px-3 py-2">
              {c.kind}
            </th>
            <th scope="col" className="px-3 py-2">
              {c.recipient}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {c.amount}
            </th>
            <th scope="col" className="px-3 py-2">
              {c.preparedAt}
            </th>
            <th scope="col" className="px-3 py-2">
              {c.status}
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
