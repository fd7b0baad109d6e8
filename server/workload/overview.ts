import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, offices, staff, tasks } from '@/db/schema';
import type { Locale } from '@/lib/i18n';
import { OVERVIEW_PERIODS, type OverviewPeriod } from '@/lib/workload-schema';
import { absentToday } from '@/server/absences/queries';
import { authorize } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { officeNameIn } from '@/server/org/office-name';
import { heldFor } from '@/server/org/substitution';
import { teamCondition } from '@/server/org/team';
import { documentConditions } from '@/server/register/search';
import { givenConditions, type GivenFilter } from '@/server/tasks/queries';
import { managerScope, type TaskActor } from '@/server/tasks/scope';

// The manager's overview of their team. Every number is counted with the very conditions
// of the list it links to (the task list's and the register search's), so a number and
// the list behind it cannot disagree.

export type OverviewFilter = { periodDays: OverviewPeriod; officeCode?: string };

export function overviewFilterFromParams(params: Record<string, string | string[] | undefined>): OverviewFilter {
  const one = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const period = Number(one('periood'));
  const office = one('esindus');
  return {
    periodDays: (OVERVIEW_PERIODS as readonly number[]).includes(period) ? (period as OverviewPeriod) : 30,
    officeCode: office && /^[a-z0-9-]{1,40}$/.test(office) ? office : undefined,
  };
}

export type OverviewRow = {
  id: string;
  name: string;
  officeName: string | null;
  tasksOpen: number;
  tasksOverdue: number;
  tasksAwaiting: number;
  tasksOnTime: number;
  tasksLate: number;
  documentsOpen: number;
  documentsOverdue: number;
};

const TASK_COUNTS = {
  tasksOpen: 'open',
  tasksOverdue: 'overdue',
  tasksAwaiting: 'awaiting',
  tasksOnTime: 'on_time',
  tasksLate: 'late',
} as const satisfies Record<string, GivenFilter['state']>;

export async function teamOverview(actor: TaskActor, filter: OverviewFilter, locale: Locale = 'et') {
  authorize(actor, 'overview.read');
  const db = await getDb();
  const now = new Date();
  const today = tallinnDate(now);
  const since = addDays(today, -filter.periodDays);
  const team = await db
    .select({ id: staff.id, given: staff.givenName, family: staff.familyName, officeCode: staff.officeCode, officeName: officeNameIn(locale) })
    .from(staff)
    .leftJoin(offices, eq(offices.code, staff.officeCode))
    .where(and(eq(staff.isActive, true), teamCondition(actor)))
    .orderBy(asc(staff.familyName), asc(staff.givenName));
  const officeChoices = [...new Map(team.filter((p) => p.officeCode).map((p) => [p.officeCode!, p.officeName ?? p.officeCode!])).entries()].map(
    ([value, label]) => ({ value, label }),
  );
  const members = filter.officeCode ? team.filter((p) => p.officeCode === filter.officeCode) : team;
  const ids = members.map((p) => p.id);
  const held = await heldFor(db, actor.id);

  const taskCounts = new Map<string, Map<string, number>>();
  const documentCounts = new Map<string, Map<string, number>>();
  if (ids.length) {
    await Promise.all([
      ...Object.entries(TASK_COUNTS).map(async ([key, state]) => {
        const rows = await db
          .select({ id: tasks.assigneeId, n: count() })
          .from(tasks)
          .where(and(managerScope(actor, held), inArray(tasks.assigneeId, ids), ...givenConditions({ state, since }, now)))
          .groupBy(tasks.assigneeId);
        taskCounts.set(key, new Map(rows.map((r) => [r.id, Number(r.n)])));
      }),
      ...(
        [
          ['documentsOpen', { status: 'open' }],
          ['documentsOverdue', { overdueOnly: true }],
        ] as const
      ).map(async ([key, documentFilter]) => {
        const rows = await db
          .select({ id: documents.assigneeId, n: count() })
          .from(documents)
          .where(and(...documentConditions(actor, documentFilter, today), inArray(documents.assigneeId, ids)))
          .groupBy(documents.assigneeId);
        documentCounts.set(key, new Map(rows.map((r) => [r.id!, Number(r.n)])));
      }),
    ]);
  }
  const rows: OverviewRow[] = members.map((p) => ({
    id: p.id,
    name: `${p.given} ${p.family}`,
    officeName: p.officeName,
    tasksOpen: taskCounts.get('tasksOpen')?.get(p.id) ?? 0,
    tasksOverdue: taskCounts.get('tasksOverdue')?.get(p.id) ?? 0,
    tasksAwaiting: taskCounts.get('tasksAwaiting')?.get(p.id) ?? 0,
    tasksOnTime: taskCounts.get('tasksOnTime')?.get(p.id) ?? 0,
    tasksLate: taskCounts.get('tasksLate')?.get(p.id) ?? 0,
    documentsOpen: documentCounts.get('documentsOpen')?.get(p.id) ?? 0,
    documentsOverdue: documentCounts.get('documentsOverdue')?.get(p.id) ?? 0,
  }));
  return { rows, since, absent: await absentToday(ids), offices: officeChoices };
}
