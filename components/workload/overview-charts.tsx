'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

// The overview's charts. They repeat numbers that are also in the table beside them, so a
// screen-reader user (or anyone) loses nothing by skipping them: each figure says so in its
// caption and the SVG itself is hidden from assistive technology as decoration.

type Series = { key: string; label: string; color: string };
type Props = {
  title: string;
  note: string;
  data: Record<string, string | number>[];
  series: Series[];
  stacked?: boolean;
};

export function OverviewChart({ title, note, data, series, stacked = false }: Props) {
  const height = Math.max(180, data.length * 36 + 80);
  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption>
        <span className="font-semibold">{title}</span> <span className="text-sm text-slate-600">{note}</span>
      </figcaption>
      <div aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: '#334155', fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fill: '#0f172a', fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? 'a' : undefined} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
