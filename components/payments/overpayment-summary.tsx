import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { formatDate, formatEuros } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';

type Data = {
  benefit: string;
  decisionReference: string | null;
  amountCents: number;
  request: 'lump_sum' | 'instalments' | 'waiver';
  lumpSumDate: string | null;
  waiverReason: string | null;
  schedule: { seq: number; dueDate: string; amountCents: number }[];
};

/** The structured data of an overpayment application, on its register card for the recoveries unit. */
export function OverpaymentSummary({ m, data }: { m: Messages; data: Data }) {
  const o = m.overpayments;
  const f = o.fields;
  const rows: [string, string][] = [
    [f.benefit, data.benefit],
    ...(data.decisionReference ? [[f.decisionReference, data.decisionReference] as [string, string]] : []),
    [f.amount, formatEuros(data.amountCents)],
    [f.request, o.requests[data.request]],
    ...(data.lumpSumDate ? [[f.lumpSumDate, formatDate(data.lumpSumDate)] as [string, string]] : []),
    ...(data.waiverReason ? [[f.waiverReason, data.waiverReason] as [string, string]] : []),
  ];
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{o.summaryTitle}</h2>
      <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      {data.schedule.length > 0 && (
        <div className="mt-4">
          <DataTable caption={f.schedule} columns={[f.schedule, f.dueDate, f.instalmentAmount]}>
            {data.schedule.map((row) => (
              <tr key={row.seq} className="border-t border-slate-200">
                <td className="px-3 py-2">{fill(f.instalment, { n: row.seq })}</td>
                <td className="px-3 py-2">{formatDate(row.dueDate)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatEuros(row.amountCents)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Card>
  );
}
