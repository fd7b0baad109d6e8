import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { OverviewChart } from '@/components/workload/overview-charts';
import { CONSULTATION_CHANNELS } from '@/lib/consultation-schema';
import { formatDate } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { consultationStats, periodFromParams, type CountRow } from '@/server/consultations/queries';
import { getLocale, getMessages } from '@/server/i18n';

export const metadata = { title: 'Nõustamiste statistika' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CHANNEL_COLOURS = { office: '#1d4ed8', phone: '#0f766e', email: '#9a3412', video: '#6d28d9' } as const;

function CountTable({
  id,
  title,
  head,
  rows,
  total,
  totalLabel,
  countLabel,
}: {
  id: string;
  title: string;
  head: string;
  rows: CountRow[];
  total: number;
  totalLabel: string;
  countLabel: string;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {head}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {countLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-medium">
                  {r.label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{r.count}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 bg-slate-50">
            <tr>
              <th scope="row" className="px-3 py-2">
                {totalLabel}
              </th>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export default async function ConsultationStatsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'consultations.report')) notFound();
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const s = m.consultations.stats;
  const period = periodFromParams(await searchParams);
  const stats = await consultationStats(user, period, locale);
  const query = `alates=${period.from}&kuni=${period.to}`;
  const officeLabel = (r: CountRow) => (r.key ? r.label : s.noOffice);
  // Topic × channel and office × channel, for the stacked charts.
  const stacked = (keyOf: (c: (typeof stats.cells)[number]) => string, rows: CountRow[], label: (r: CountRow) => string) =>
    rows.map((r) => ({
      name: label(r),
      ...Object.fromEntries(
        CONSULTATION_CHANNELS.map((ch) => [ch, stats.cells.filter((c) => keyOf(c) === r.key && c.channel === ch).reduce((n, c) => n + c.count, 0)]),
      ),
    }));
  const series = CONSULTATION_CHANNELS.map((ch) => ({ key: ch, label: m.consultations.channels[ch], color: CHANNEL_COLOURS[ch] }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{s.title}</h1>
        <p className="max-w-3xl text-slate-700">{fill(s.lead, { region: user.regionName })}</p>
      </div>
      <form role="search" action="/noustamised/statistika" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm">
          {s.from}
          <Input type="date" name="alates" defaultValue={period.from} className="w-44" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {s.to}
          <Input type="date" name="kuni" defaultValue={period.to} className="w-44" />
        </label>
        <Button type="submit" variant="secondary">
          {s.show}
        </Button>
        <a href={`/noustamised/statistika/csv?${query}`} className="ml-auto text-brand-700 underline" download>
          {s.csv}
        </a>
      </form>
      <p className="text-sm text-slate-700">
        {fill(s.period, { from: formatDate(period.from), to: formatDate(period.to) })} · {s.total}: <strong className="tabular-nums">{stats.total}</strong>
      </p>
      {stats.total === 0 ? (
        <p>{s.none}</p>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-3">
            <CountTable id="by-topic" title={s.byTopic} head={s.topic} rows={stats.byTopic} total={stats.total} totalLabel={s.total} countLabel={s.count} />
            <CountTable
              id="by-channel"
              title={s.byChannel}
              head={s.channel}
              rows={stats.byChannel.map((r) => ({ key: r.key, label: m.consultations.channels[r.key], count: r.count }))}
              total={stats.total}
              totalLabel={s.total}
              countLabel={s.count}
            />
            <CountTable
              id="by-office"
              title={s.byOffice}
              head={s.office}
              rows={stats.byOffice.map((r) => ({ ...r, label: officeLabel(r) }))}
              total={stats.total}
              totalLabel={s.total}
              countLabel={s.count}
            />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <OverviewChart
              title={s.byTopic}
              note={s.chartNote}
              data={stacked(
                (c) => c.topicCode,
                stats.byTopic,
                (r) => r.label,
              )}
              series={series}
              stacked
            />
            <OverviewChart
              title={s.byOffice}
              note={s.chartNote}
              data={stacked((c) => c.officeCode ?? '', stats.byOffice, officeLabel)}
              series={series}
              stacked
            />
          </div>
        </>
      )}
    </div>
  );
}
