import { notFound } from 'next/navigation';
import { TaskForm } from '@/components/tasks/task-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';
import { createTasksAction } from '@/server/tasks/actions';
import { defaultDueDate, teamForTasks } from '@/server/tasks/queries';

export const metadata = { title: 'Uus ülesanne' };

export default async function NewTaskPage() {
  const user = await requireUser();
  if (!can(user, 'tasks.create')) notFound();
  const m = await getMessages();
  const team = await teamForTasks(user);
  const today = tallinnDate(new Date());
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{m.tasks.form.title}</h1>
      <p className="text-slate-700">{m.tasks.form.lead}</p>
      <Card>
        <TaskForm team={team} defaultDueDate={defaultDueDate(today)} minDate={today} action={createTasksAction} />
      </Card>
    </div>
  );
}
