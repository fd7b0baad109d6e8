import { notFound } from 'next/navigation';
import { AbsenceForm } from '@/components/absences/absence-form';
import { AbsenceTable, type AbsenceRow } from '@/components/absences/absence-table';
import { CancelAbsenceButton } from '@/components/absences/cancel-button';
import { Card } from '@/components/ui/card';
import { cancelAbsenceAction, saveAbsenceAction } from '@/server/absences/actions';
import { absenceFormOptions, listMyAbsences, listMySubstitutions, listTeamAbsences } from '@/server/absences/queries';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Puudumised' };

export default async function AbsencesPage() {
  const user = await requireUser();
  if (!can(user, 'absences.record')) notFound();
  const m = await getMessages();
  const a = m.absences;
  const manages = can(user, 'absences.manage');
  const [mine, substituting, team, options] = await Promise.all([
    listMyAbsences(user),
    listMySubstitutions(user),
    manages ? listTeamAbsences(user) : Promise.resolve(null),
    absenceFormOptions(user),
  ]);
  const cancel = (row: AbsenceRow) => <CancelAbsenceButton id={row.id} label={`${a.cancel}: ${row.name}`} action={cancelAbsenceAction} />;
  const sections: { key: string; title: string; rows: AbsenceRow[] | null; none: string }[] = [
    { key: 'mine', title: a.mine, rows: mine, none: a.noneMine },
    { key: 'substituting', title: a.substituting, rows: substituting, none: a.noneSubstituting },
    { key: 'team', title: can(user, 'absences.manage_all') ? a.all : a.team, rows: team, none: a.noneTeam },
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <p className="max-w-3xl text-slate-700">{a.lead}</p>
      </div>
      <Card>
        <AbsenceForm
          me={{ id: user.id, name: `${user.givenName} ${user.familyName}` }}
          forWhom={options.forWhom}
          substitutes={options.substitutes.filter((s) => s.value !== user.id || options.forWhom.length > 1)}
          today={tallinnDate(new Date())}
          action={saveAbsenceAction}
        />
      </Card>
      {sections
        .filter((s) => s.rows !== null)
        .map((s) => (
          <section key={s.key} className="flex flex-col gap-3" aria-labelledby={`absences-${s.key}`}>
            <h2 id={`absences-${s.key}`} className="text-lg font-semibold">
              {s.title}
            </h2>
            {s.rows!.length ? <AbsenceTable m={m} rows={s.rows!} caption={s.title} action={cancel} /> : <p>{s.none}</p>}
          </section>
        ))}
    </div>
  );
}
