import { notFound } from 'next/navigation';
import { ExtraDaysOff, DocumentTypeForm } from '@/components/register/type-config';
import { Card } from '@/components/ui/card';
import { formatDays, dayUnitOf } from '@/lib/day-count';
import { formatDate } from '@/lib/format';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { registerConfiguration } from '@/server/register/config';

export const metadata = { title: 'Dokumendiliigid' };

export default async function DocumentTypesPage() {
  const user = await requireUser();
  if (!can(user, 'register.configure')) notFound();
  const m = await getMessages();
  const c = m.register.config;
  const config = await registerConfiguration(user);
  const series = config.series.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  const grounds = config.grounds.map((g) => ({ value: g.code, label: g.label }));
  const units = config.units.map((u) => ({ value: u.code, label: u.nameEt }));
  const rule = (kind: 'none' | 'calendar_days' | 'working_days', days: number | null) =>
    kind === 'none' ? m.register.deadlineRules.none : formatDays(days ?? 0, dayUnitOf(kind), m.locale);
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{c.title}</h1>
        <p className="text-slate-700">{c.lead}</p>
      </div>
      <Card className="flex flex-col gap-2">
        {config.types.map((t) => (
          <details key={t.code} className="rounded-md border border-slate-200">
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
              <span className="font-medium">{t.nameEt}</span>
              <span className="text-slate-600">
                {t.seriesCode} · {m.register.directions[t.direction]} · {rule(t.deadlineKind, t.deadlineDays)}
                {!t.isActive && ` · ${m.staff.inactive}`}
              </span>
            </summary>
            <div className="border-t border-slate-200 p-4">
              <DocumentTypeForm
                series={series}
                grounds={grounds}
                units={units}
                initial={{
                  code: t.code,
                  nameEt: t.nameEt,
                  nameEn: t.nameEn,
                  direction: t.direction,
                  seriesCode: t.seriesCode,
                  defaultRestricted: t.defaultRestricted,
                  defaultGroundCode: t.defaultGroundCode ?? '',
                  deadlineKind: t.deadlineKind,
                  deadlineDays: t.deadlineDays === null ? '' : String(t.deadlineDays),
                  restartAfterMissing: t.restartAfterMissing,
                  defaultUnitCode: t.defaultUnitCode ?? '',
                  isActive: t.isActive,
                }}
              />
            </div>
          </details>
        ))}
        <details className="rounded-md border border-dashed border-slate-300">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-brand-700">{c.add}</summary>
          <div className="border-t border-slate-200 p-4">
            <DocumentTypeForm
              series={series}
              grounds={grounds}
              units={units}
              initial={{
                code: '',
                nameEt: '',
                nameEn: '',
                direction: 'incoming',
                seriesCode: config.series[0]?.code ?? '',
                defaultRestricted: true,
                defaultGroundCode: config.grounds[0]?.code ?? '',
                deadlineKind: 'calendar_days',
                deadlineDays: '30',
                restartAfterMissing: false,
                defaultUnitCode: '',
                isActive: true,
              }}
            />
          </div>
        </details>
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{c.daysOff}</h2>
        <p className="mb-3 text-sm text-slate-700">{c.daysOffLead}</p>
        <ExtraDaysOff days={config.extraDaysOff.map((d) => ({ ...d, label: formatDate(d.day) }))} />
      </Card>
    </div>
  );
}
