import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { AbsenceKind } from '@/lib/absence-schema';
import type { Messages } from '@/lib/i18n';

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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {[a.columns.who, a.columns.kind, a.columns.period, a.columns.substitute, a.columns.note, a.columns.actions].map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
