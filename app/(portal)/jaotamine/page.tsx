import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { DistributionToggle } from '@/components/workload/distribution-toggle';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { setAutoAssignAction } from '@/server/workload/actions';
import { listDistribution } from '@/server/workload/config';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Dokumentide jaotamine' };

export default async function DistributionPage() {
  const user = await requireUser();
  if (!can(user, 'distribution.configure')) notFound();
  const m = await getMessages();
  const d = m.workload.distribution;
  const unitsShown = await listDistribution(user, await getLocale());
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{d.title}</h1>
        <p className="max-w-3xl text-slate-700">{d.lead}</p>
      </div>
      {unitsShown.map((unit) => (
        <section key={`${unit.code}-${unit.regionCode}`} className="flex flex-col gap-3" aria-labelledby={`unit-${unit.code}-${unit.regionCode}`}>
          <h2 id={`unit-${unit.code}-${unit.regionCode}`} className="text-lg font-semibold">
            {unit.name}, {unit.regionName} <span className="text-sm font-normal text-slate-600">· {fill(d.members, { n: unit.members })}</span>
          </h2>
          <DataTable
            caption={`${unit.name}, ${unit.regionName}`}
            columns={[
              d.type,
              d.state,
              d.last,
              <span key="actions" className="sr-only">
                {m.tasks.actions.title}
              </span>,
            ]}
          >
            {unit.types.map((type) => (
              <tr key={type.code} className="border-t border-slate-200">
                <td className="px-3 py-2">{type.name}</td>
                <td className="px-3 py-2">{type.enabled ? <Badge tone="success">{d.on}</Badge> : <Badge>{d.off}</Badge>}</td>
                <td className="px-3 py-2">{type.lastAssigneeName ?? '—'}</td>
                <td className="px-3 py-2">
                  <DistributionToggle unitCode={unit.code} regionCode={unit.regionCode} type={type} enabled={type.enabled} action={setAutoAssignAction} />
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ))}
    </div>
  );
}
