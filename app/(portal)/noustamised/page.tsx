import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConsultationForm } from '@/components/consultations/consultation-form';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DEFAULT_DURATION } from '@/lib/consultation-schema';
import { formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { lookupConsultationClientAction, recordConsultationAction } from '@/server/consultations/actions';
import { activeTopics, myConsultations, unitOptions } from '@/server/consultations/queries';
import { getLocale, getMessages } from '@/server/i18n';

export const metadata = { title: 'Nõustamised' };

export default async function ConsultationsPage() {
  const user = await requireUser();
  if (!can(user, 'consultations.record')) notFound();
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const c = m.consultations;
  const [topics, units, mine] = await Promise.all([activeTopics(user), unitOptions(), myConsultations(user)]);
  const name = (row: { nameEt: string; nameEn: string }) => (locale === 'en' ? row.nameEn : row.nameEt);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{c.title}</h1>
          <p className="max-w-3xl text-slate-700">{c.lead}</p>
        </div>
        {can(user, 'consultations.report') && (
          <Link href="/noustamised/statistika" className="text-brand-700 underline">
            {c.stats.nav}
          </Link>
        )}
      </div>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{c.form.title}</h2>
        <ConsultationForm
          topics={topics.map((t) => ({ code: t.code, name: name(t) }))}
          units={units.map((u) => ({ code: u.code, name: name(u) }))}
          // At an office the usual consultation is across the desk; elsewhere, on the phone.
          defaults={{ channel: user.officeCode ? 'office' : 'phone', durationMinutes: DEFAULT_DURATION }}
          record={recordConsultationAction}
          lookupClient={lookupConsultationClientAction}
        />
      </Card>
      <section aria-labelledby="mine" className="flex flex-col gap-3">
        <h2 id="mine" className="text-lg font-semibold">
          {c.mine}
        </h2>
        {mine.length === 0 ? (
          <p>{c.none}</p>
        ) : (
          <DataTable caption={c.mine} columns={[c.columns.time, c.columns.channel, c.columns.topic, c.columns.client, c.columns.duration, c.columns.outcome]}>
            {mine.map((row) => (
              <tr key={row.id} className="border-t border-slate-200">
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.occurredAt)}</td>
                <td className="px-3 py-2">{c.channels[row.channel]}</td>
                <td className="px-3 py-2">{locale === 'en' ? row.topicEn : row.topicEt}</td>
                <td className="px-3 py-2 font-mono">{row.clientCode ?? '—'}</td>
                <td className="px-3 py-2 tabular-nums">{fill(c.form.minutes, { n: row.durationMinutes })}</td>
                <td className="px-3 py-2">{c.outcomes[row.outcome]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
