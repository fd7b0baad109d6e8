import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { staff, taskEvents, taskReminders, tasks } from '@/db/schema';
import { OPEN_TASK_STATUSES } from '@/lib/task-schema';
import { addDays, isDayOff, tallinnDate, type Calendar, type IsoDate } from '@/server/calendar/working-days';
import { notice } from '@/server/notifications/notices';
import { notify } from '@/server/notifications/notify';
import { effectiveAssignee } from '@/server/org/substitution';
import { loadCalendar } from '@/server/register/calendar';
import { formatDue } from './mutations';

// Task reminders, run by the scheduler beside the outbox worker (server/notifications/
// scheduler.ts): once on the working day before the deadline, once when it has passed.
// Each is sent at most once: the task_reminders row (task, kind) is inserted in the same
// transaction as the notice, so a second run, or a second worker at the same moment,
// finds it there and sends nothing.

export type ReminderKind = 'due_soon' | 'overdue';

/** The last working day before `date` (by the Estonian calendar and the extra days off). */
export function workingDayBefore(date: IsoDate, calendar: Calendar = {}): IsoDate {
  let d = addDays(date, -1);
  while (isDayOff(d, calendar)) d = addDays(d, -1);
  return d;
}

/**
 * Which reminder a task is due at `now`, if any. The "due soon" one goes from the working
 * day before the deadline until the deadline day; not for a task given on or after that
 * day (its own notice said when it is due). The overdue one goes once the deadline passed.
 */
export function reminderDue(
  task: { dueDate: IsoDate; dueAt: Date; createdAt: Date },
  now: Date,
  calendar: Calendar = {},
  sent: ReadonlySet<ReminderKind> = new Set(),
): ReminderKind | null {
  if (now.getTime() > task.dueAt.getTime()) return sent.has('overdue') ? null : 'overdue';
  const today = tallinnDate(now);
  const remindOn = workingDayBefore(task.dueDate, calendar);
  if (!sent.has('due_soon') && today >= remindOn && today < task.dueDate && tallinnDate(task.createdAt) < remindOn) return 'due_soon';
  return null;
}

export type ReminderRun = { dueSoon: number; overdue: number };

/** Sends the reminders due at `now`. Safe to run as often and in as many places as one likes. */
export async function sendTaskReminders(options: { db?: Db; now?: Date } = {}): Promise<ReminderRun> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const calendar = await loadCalendar(db);
  // A week ahead covers the working day before any deadline, even across long holidays.
  const horizon = addDays(tallinnDate(now), 10);
  const candidates = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueDate: tasks.dueDate,
      dueTime: tasks.dueTime,
      dueAt: tasks.dueAt,
      createdAt: tasks.createdAt,
      assigneeId: tasks.assigneeId,
      createdBy: tasks.createdBy,
      sent: sql<ReminderKind[]>`coalesce((select array_agg(r.kind) from ${taskReminders} r where r.task_id = ${tasks.id}), '{}')`,
    })
    .from(tasks)
    .where(
      and(
        inArray(tasks.status, [...OPEN_TASK_STATUSES]),
        lte(tasks.dueDate, horizon),
        sql`not exists (select 1 from ${taskReminders} r where r.task_id = ${tasks.id} and r.kind = 'overdue')`,
      ),
    );
  const result: ReminderRun = { dueSoon: 0, overdue: 0 };
  for (const task of candidates) {
    const kind = reminderDue(task, now, calendar, new Set(parseKinds(task.sent)));
    if (!kind) continue;
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(taskReminders)
        .values({ taskId: task.id, kind, sentAt: now })
        .onConflictDoNothing()
        .returning({ taskId: taskReminders.taskId });
      if (!claimed) return false;
      const holder = (await effectiveAssignee(tx, task.assigneeId, now)).assigneeId;
      const due = formatDue(task);
      if (kind === 'due_soon') {
        await notify(tx, {
          recipients: [{ staffId: holder }],
          notice: notice('task.due_soon', { title: task.title, due }),
          link: `/ulesanded/${task.id}`,
        });
      } else {
        const [person] = await tx.select({ given: staff.givenName, family: staff.familyName }).from(staff).where(eq(staff.id, holder));
        const manager = (await effectiveAssignee(tx, task.createdBy, now)).assigneeId;
        await notify(tx, {
          recipients: [{ staffId: holder }, { staffId: manager }],
          notice: notice('task.overdue', { title: task.title, due, name: person ? `${person.given} ${person.family}` : '' }),
          link: `/ulesanded/${task.id}`,
        });
      }
      await tx.insert(taskEvents).values({ taskId: task.id, kind: 'reminder', at: now, details: { reminder: kind } });
      return true;
    });
    if (sent) result[kind === 'due_soon' ? 'dueSoon' : 'overdue']++;
  }
  return result;
}

// array_agg of text comes back as an array from postgres.js and PGlite, or as '{a,b}' text
// when the driver does not know the type.
function parseKinds(value: unknown): ReminderKind[] {
  if (Array.isArray(value)) return value as ReminderKind[];
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean) as ReminderKind[];
  return [];
}
