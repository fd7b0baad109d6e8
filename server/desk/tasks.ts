import { and, asc, eq, inArray } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { OPEN_TASK_STATUSES } from '@/lib/task-schema';
import { can } from '@/server/auth/policy';
import { holderScope, managerScope } from '@/server/tasks/scope';
import { absentee, daysLeft, holder, LIMIT, personName, substituting, type DeskItem, type DeskReader } from './item';

/** A task on the desk: to do (`task`) or, for its manager, to review (`review`). */
function taskLine(
  reader: DeskReader,
  kind: 'task' | 'review',
  t: { id: string; title: string; dueDate: string },
  substitutingFor: string | null,
  detail: string | null,
): DeskItem {
  return {
    kind,
    id: t.id,
    title: t.title,
    reference: null,
    href: `/ulesanded/${t.id}`,
    dueDate: t.dueDate,
    daysLeft: daysLeft(reader, t.dueDate),
    substitutingFor,
    detail,
  };
}

/** The person's open tasks, their own and those they hold for someone absent. */
export async function deskTasks(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db, held } = reader;
  if (!can(actor, 'tasks.read')) return [];
  const rows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueDate: tasks.dueDate,
      assigneeId: tasks.assigneeId,
      assigneeName: personName(holder),
      forName: personName(absentee),
    })
    .from(tasks)
    .innerJoin(holder, eq(holder.id, tasks.assigneeId))
    .leftJoin(absentee, eq(absentee.id, tasks.substituteForId))
    .where(and(holderScope(actor, held), inArray(tasks.status, [...OPEN_TASK_STATUSES])))
    .orderBy(asc(tasks.dueAt))
    .limit(LIMIT);
  return rows.map((t) => taskLine(reader, 'task', t, substituting(reader, t.assigneeId, t.assigneeName, t.forName), null));
}

/** A manager's tasks marked done by their team, waiting for the manager's review. */
export async function deskTaskReviews(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db, held } = reader;
  if (!can(actor, 'tasks.create')) return [];
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, assigneeName: personName(holder) })
    .from(tasks)
    .innerJoin(holder, eq(holder.id, tasks.assigneeId))
    .where(and(managerScope(actor, held), eq(tasks.status, 'done')))
    .orderBy(asc(tasks.dueAt))
    .limit(LIMIT);
  return rows.map((t) => taskLine(reader, 'review', t, null, t.assigneeName));
}
