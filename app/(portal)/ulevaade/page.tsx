import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { OverviewChart } from '@/components/workload/overview-charts';
import { formatDate } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { OVERVIEW_PERIODS } from '@/lib/workload-schema';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { overviewFilterFromParams, teamOverview, type OverviewRow } from '@/server/workload/overview';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Meeskonna ülevaade' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'overview.read')) notFound();
  const m = await getMessages();
  const o = m.workload.overview;
  const filter = overviewFilterFromParams(await searchParams);
  const { rows, since, absent, offices } = await teamOverview(user, filter, await getLocale());
  const period = o.periods[filter.periodDays];

  // Each number leads to the list it counts.
  const tasksLink = (id: string, state: string) =>
    `/ulesanded/antud?taitja=${id}&olek=${state}${state === 'late' || state === 'on_time' ? `&alates=${since}` : ''}`;
  const columns: { key: keyof OverviewRow; label: string; href: (row: OverviewRow) => string }[] = [
    { key: 'tasksOpen', label: o.columns.tasksOpen, href: (r) => tasksLink(r.id, 'open') },
    { key: 'tasksOverdue', label: o.columns.tasksOverdue, href: (r) => tasksLink(r.id, 'overdue') },
    { key: 'tasksAwaiting', label: o.columns.tasksAwaiting, href: (r) => tasksLink(r.id, 'awaiting') },
    { key: 'documentsOpen', label: o.columns.documentsOpen, href: (r) => `/dokumendid?taitja=${r.id}&olek=avatud&jarjestus=tahtaeg` },
    { key: 'documentsOverdue', label: o.columns.documentsOverdue, href: (r) => `/dokumendid?taitja=${r.id}&yletatud=1&jarjestus=tahtaeg` },
    { key: 'tasksOnTime', label: o.columns.tasksOnTime, href: (r) => tasksLink(r.id, 'on_time') },
    { key: 'tasksLate', label: o.columns.tasksLate, href: (r) => tasksLink(r.id, 'late') },
  ];
  const total = (key: keyof OverviewRow) => rows.reduce((sum, r) => sum + Number(r[key]), 0);
  const chartData = rows.map((r) => ({ name: r.name, ...Object.fromEntries(columns.map((c) => [c.key, r[c.key]])) }));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{o.title}</h1>
        <p className="max-w-3xl text-slate-700">{o.lead}</p>
      </div>
      <form role="search" action="/ulevaade" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm">
          {o.period}
          <Select name="periood" defaultValue={String(filter.periodDays)} className="w-56">
            {OVERVIEW_PERIODS.map((p) => (
              <option key={p} value={p}>
                {o.periods[p]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {o.office}
          <Select name="esindus" defaultValue={filter.officeCode ?? ''} className="w-64">
            <option value="">{o.allOffices}</option>
            {offices.map((office) => (
              <option key={office.value} value={office.value}>
                {office.label}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {o.show}
        </Button>
      </form>

      <section className="flex flex-col gap-3" aria-labelledby="overview-table">
        <h2 id="overview-table" className="text-lg font-semibold">
          {o.tableTitle}
        </h2>
        <p className="text-sm text-slate-700">{fill(o.tasksSince, { date: formatDate(since) })}</p>
        {rows.length === 0 ? (
          <p>{o.none}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                {o.tableTitle}, {period}
              </caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {o.columns.person}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {o.columns.office}
                  </th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="px-3 py-2 text-right">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {row.name}
                    </th>
                    <td className="px-3 py-2">{row.officeName ?? '—'}</td>
                    {columns.map((c) => {
                      const n = Number(row[c.key]);
                      const alarming = n > 0 && (c.key === 'tasksOverdue' || c.key === 'documentsOverdue' || c.key === 'tasksLate');
                      return (
                        <td key={c.key} className="px-3 py-2 text-right tabular-nums">
                          <Link
                            href={c.href(row)}
                            aria-label={`${fill(o.linkLabel, { label: c.label, person: row.name })}: ${n}`}
                            className={alarming ? 'font-semibold text-red-800 underline' : 'text-brand-700 underline'}
                          >
                            {n}
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-300 bg-slate-50">
                <tr>
                  <th scope="row" className="px-3 py-2" colSpan={2}>
                    {o.total}
                  </th>
                  {columns.map((c) => (
                    <td key={c.key} className="px-3 py-2 text-right font-semibold tabular-nums">
                      {total(c.key)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      {rows.length > 0 && (
        <div className="grid gap-6 lg:grid-cols-2">
          <OverviewChart
            title={o.chartOpen}
            note={o.chartNote}
            data={chartData}
            series={[
              { key: 'tasksOpen', label: o.columns.tasksOpen, color: '#1d4ed8' },
              { key: 'tasksOverdue', label: o.columns.tasksOverdue, color: '#b91c1c' },
              { key: 'documentsOpen', label: o.columns.documentsOpen, color: '#0f766e' },
              { key: 'documentsOverdue', label: o.columns.documentsOverdue, color: '#9a3412' },
            ]}
          />
          <OverviewChart
            title={fill(o.chartDeadlines, { period })}
            note={o.chartNote}
            data={chartData}
            stacked
            series={[
              { key: 'tasksOnTime', label: o.columns.tasksOnTime, color: '#15803d' },
              { key: 'tasksLate', label: o.columns.tasksLate, color: '#b91c1c' },
            ]}
          />
        </div>
      )}

      <section className="flex flex-col gap-3" aria-labelledby="absent-today">
        <h2 id="absent-today" className="text-lg font-semibold">
          {o.absentTitle}
        </h2>
        {absent.length === 0 ? (
          <p>{o.absentNone}</p>
        ) : (
          <DataTable caption={o.absentTitle} columns={[o.absentColumns.person, o.absentColumns.kind, o.absentColumns.until, o.absentColumns.holder]}>
            {absent.map((a) => (
              <tr key={a.staffId} className="border-t border-slate-200">
                <td className="px-3 py-2 font-medium">{a.name}</td>
                <td className="px-3 py-2">{m.absences.kinds[a.kind]}</td>
                <td className="px-3 py-2">{formatDate(a.endsOn)}</td>
                <td className="px-3 py-2">{a.holderName ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
