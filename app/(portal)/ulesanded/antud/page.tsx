import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TaskTable } from '@/components/tasks/task-table';
import { TaskTabs } from '@/components/tasks/tabs';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { givenFilterFromParams, listGivenTasks, teamForTasks } from '@/server/tasks/queries';

export const metadata = { title: 'Antud ülesanded' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATES = ['unfinished', 'open', 'overdue', 'awaiting', 'late', 'on_time', 'all'] as const;

export default async function GivenTasksPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'tasks.create')) notFound();
  const m = await getMessages();
  const t = m.tasks;
  const filter = givenFilterFromParams(await searchParams);
  const [rows, team] = await Promise.all([listGivenTasks(user, filter), teamForTasks(user)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t.title}</h1>
        <Button asChild>
          <Link href="/ulesanded/uus">{t.create}</Link>
        </Button>
      </div>
      <TaskTabs m={m} current="given" showGiven />
      <form role="search" action="/ulesanded/antud" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <label className="flex flex-col gap-1 text-sm">
          {t.filters.person}
          <Select name="taitja" defaultValue={filter.assigneeId ?? ''}>
            <option value="">{t.filters.anyone}</option>
            {team.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t.filters.state}
          <Select name="olek" defaultValue={filter.state}>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t.filters.states[s]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t.filters.since}
          <Input type="date" name="alates" defaultValue={filter.since ?? ''} />
        </label>
        <div className="flex items-end">
          <Button type="submit" variant="secondary">
            {t.filters.submit}
          </Button>
        </div>
      </form>
      {rows.length ? <TaskTable m={m} rows={rows} caption={t.tabs.given} side="given" /> : <p>{t.noneGiven}</p>}
    </div>
  );
}
