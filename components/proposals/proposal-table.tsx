import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { Messages } from '@/lib/i18n';
import type { ProposalStatus } from '@/lib/proposal-schema';
import { DataTable } from '@/components/ui/data-table';

type Row = { id: string; title: string; status: ProposalStatus; authorName: string; createdAt: Date };

export function ProposalStatusBadge({ m, status }: { m: Messages; status: ProposalStatus }) {
  const tone = status === 'accepted' ? 'success' : status === 'declined' ? 'danger' : status === 'submitted' ? 'neutral' : 'brand';
  return <Badge tone={tone}>{m.proposals.statuses[status]}</Badge>;
}

export function ProposalTable({ m, rows, caption, showAuthor }: { m: Messages; rows: Row[]; caption: string; showAuthor: boolean }) {
  const c = m.proposals.columns;
  return (
    <DataTable caption={caption} columns={[c.title, showAuthor && c.author, c.date, c.status]}>
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
    </DataTable>
  );
}
