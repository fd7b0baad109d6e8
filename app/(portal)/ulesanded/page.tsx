import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TaskTable } from '@/components/tasks/task-table';
import { TaskTabs } from '@/components/tasks/tabs';
import { Button } from '@/components/ui/button';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { listMyTasks } from '@/server/tasks/queries';

export const metadata = { title: 'Ülesanded' };

export default async function MyTasksPage() {
  const user = await requireUser();
  if (!can(user, 'tasks.read')) notFound();
  const m = await getMessages();
  const t = m.tasks;
  const lists = await listMyTasks(user);
  const manager = can(user, 'tasks.create');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t.title}</h1>
          <p className="text-slate-700">{t.lead}</p>
        </div>
        {manager && (
          <Button asChild>
            <Link href="/ulesanded/uus">{t.create}</Link>
          </Button>
        )}
      </div>
      <TaskTabs m={m} current="mine" showGiven={manager} />
      {(['open', 'awaiting', 'finished'] as const).map((key) => (
        <section key={key} className="flex flex-col gap-3" aria-labelledby={`section-${key}`}>
          <h2 id={`section-${key}`} className="text-lg font-semibold">
            {t.sections[key]}
          </h2>
          {lists[key].length ? <TaskTable m={m} rows={lists[key]} caption={t.sections[key]} side="mine" meId={user.id} /> : <p>{t.none[key]}</p>}
        </section>
      ))}
    </div>
  );
}
