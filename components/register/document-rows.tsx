'use client';

import { useMessages } from '@/components/i18n/messages-context';
import type { DocumentStatus } from '@/lib/register-schema';
import { DeadlineCell, StatusBadge } from './marks';

/** What one register list row shows, already formatted on the server. */
export type DocumentRow = {
  id: string;
  number: string;
  year: number;
  registered: string;
  title: string;
  typeName: string;
  direction: 'incoming' | 'outgoing';
  isRestricted: boolean;
  party: string;
  clientCode: string | null;
  unitName: string;
  assigneeName: string | null;
  status: DocumentStatus;
  dueDate: string | null;
  daysLeft: number | null;
  isPaused: boolean;
};

// A client component, though nothing here is interactive: a server component's rows reach the
// browser twice, as HTML and as their element tree in the RSC payload, and 50 rows of markup
// were most of the list's response and of its render time. From here the payload carries only
// the rows' data (bench:load, each page alone).
export function DocumentRows({ rows }: { rows: DocumentRow[] }) {
  const m = useMessages();
  const r = m.register;
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} className={row.daysLeft !== null && row.daysLeft < 0 ? 'bg-red-50' : undefined}>
          <td className="whitespace-nowrap">
            <a href={`/dokumendid/${row.id}`}>{row.number}</a>
            <div className="sub">{row.year}</div>
          </td>
          <td className="whitespace-nowrap">{row.registered}</td>
          <td>
            {row.title}
            <div className="sub">
              {`${row.typeName} · ${r.directions[row.direction]}`}
              {row.isRestricted && <span className="ml-1 font-semibold text-red-800">· AK</span>}
            </div>
          </td>
          <td>
            {row.party}
            {row.clientCode && <div className="sub font-mono">{row.clientCode}</div>}
          </td>
          <td>
            {row.unitName}
            {row.assigneeName && <div className="sub">{row.assigneeName}</div>}
          </td>
          <td>
            <StatusBadge m={m} status={row.status} />
          </td>
          <td>
            <DeadlineCell m={m} dueDate={row.dueDate} daysLeft={row.daysLeft} paused={row.isPaused} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
