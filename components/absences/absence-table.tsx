import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { AbsenceKind } from '@/lib/absence-schema';
import type { Messages } from '@/lib/i18n';
import { DataTable } from '@/components/ui/data-table';

export type AbsenceRow = {
  id: string;
  name: string;
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string;
  substituteName: string | null;
  note: string | null;
  isCurrent: boolean;
  canCancel: boolean;
};

export function AbsenceTable({ m, rows, caption, action }: { m: Messages; rows: AbsenceRow[]; caption: string; action: (row: AbsenceRow) => ReactNode }) {
  const a = m.absences;
  return (
    <DataTable caption={caption} columns={[a.columns.who, a.columns.kind, a.columns.period, a.columns.substitute, a.columns.note, a.columns.actions]}>
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-200 align-top">
          <td className="px-3 py-2 font-medium">{row.name}</td>
          <td className="px-3 py-2">{a.kinds[row.kind]}</td>
          <td className="whitespace-nowrap px-3 py-2">
            {formatDate(row.startsOn)}–{formatDate(row.endsOn)} {row.isCurrent && <Badge tone="brand">{a.current}</Badge>}
          </td>
          <td className="px-3 py-2">{row.substituteName ?? <span className="text-slate-600">{a.toManager}</span>}</td>
          <td className="px-3 py-2">{row.note ?? ''}</td>
          <td className="px-3 py-2">{row.canCancel ? action(row) : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
