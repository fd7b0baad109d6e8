import type { ReactNode } from 'react';

/**
 * The portal's list table: scrolls sideways on narrow screens, has a caption for screen
 * readers and column headers with scope. `columns` may hold `false` for a column the
 * current view leaves out, so callers write conditions inline; rows come as children.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: (ReactNode | false)[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns
              .filter((c) => c !== false)
              .map((c, i) => (
                <th key={i} scope="col" className="px-3 py-2">
                  {c}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
