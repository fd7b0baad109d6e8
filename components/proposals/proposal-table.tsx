import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { Messages } from '@/lib/i18n';
import type { ProposalStatus } from '@/lib/proposal-schema';

type Row = { id: string; title: string; status: ProposalStatus; authorName: string; createdAt: Date };

export function ProposalStatusBadge({ m, status }: { m: Messages; status: ProposalStatus }) {
  const tone = status === 'accepted' ? 'success' : status === 'declined' ? 'danger' : status === 'submitted' ? 'neutral' : 'brand';
  return <Badge tone={tone}>{m.proposals.statuses[status]}</Badge>;
}

export function ProposalTable({ m, rows, caption, showAuthor }: { m: Messages; rows: Row[]; caption: string; showAuthor: boolean }) {
  const c = m.proposals.columns;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {c.title}
            </th>
            {showAuthor && (
              <th scope="col" className="px-3 py-2">
                {c.author}
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              {c.date}
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
                <Link href={`/ettepanekud/${row.id}`} className="font-medium text-brand-700 underline">
                  {row.title}
                </Link>
              </td>
              {showAuthor && <td className="px-3 py-2">{row.authorName}</td>}
              <td className="px-3 py-2">{formatDate(row.createdAt)}</td>
              <td className="px-3 py-2">
                <ProposalStatusBadge m={m} status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
