import Link from 'next/link';
import { IncidentTable } from '@/components/incidents/incident-table';
import { Button } from '@/components/ui/button';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { incidentWorkingDays } from '@/server/incidents/config';
import { listMyIncidents, listRegionIncidents } from '@/server/incidents/queries';

export const metadata = { title: 'Intsidendid' };

export default async function IncidentsPage() {
  const user = await requireUser();
  const m = await getMessages();
  const locale = await getLocale();
  const t = m.incidents;
  const [mine, region] = await Promise.all([
    listMyIncidents(user, locale),
    can(user, 'incidents.read_region') ? listRegionIncidents(user, locale) : Promise.resolve(null),
  ]);
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t.title}</h1>
          <p className="max-w-3xl text-slate-700">{t.lead}</p>
        </div>
        <Button asChild>
          <Link href="/intsidendid/uus">{t.report}</Link>
        </Button>
      </div>
      <section className="flex flex-col gap-3" aria-labelledby="mine">
        <h2 id="mine" className="text-lg font-semibold">
          {t.mine}
        </h2>
        {mine.length ? <IncidentTable m={m} rows={mine} now={now} caption={t.mine} /> : <p>{t.noneMine}</p>}
      </section>
      {region && (
        <section className="flex flex-col gap-3" aria-labelledby="region">
          <h2 id="region" className="text-lg font-semibold">
            {t.region} ({user.regionName})
          </h2>
          {region.length ? (
            <IncidentTable m={m} rows={region} now={now} workingDays={incidentWorkingDays()} showTargets caption={t.region} />
          ) : (
            <p>{t.noneRegion}</p>
          )}
        </section>
      )}
    </div>
  );
}
