import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { absences, clients, documents, staff, taskAttachments, taskEvents, tasks } from '@/db/schema';
import { OPEN_TASK_STATUSES, UNFINISHED_TASK_STATUSES, type TaskPriority, type TaskStatus } from '@/lib/task-schema';
import { recordAudit } from '@/server/audit/record';
import { authorize, can } from '@/server/auth/policy';
import { addDays, daysBetween, tallinnDate } from '@/server/calendar/working-days';
import { heldFor, substitutionDay } from '@/server/org/substitution';
import { teamCondition } from '@/server/org/team';
import { holderScope, managerScope, readScope, type TaskActor } from './scope';
import { isCalendarDate } from '@/lib/date-schema';

const assignee = alias(staff, 'assignee');
const creator = alias(staff, 'creator');
const absentee = alias(staff, 'absentee');

export type TaskListItem = {
  id: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string;
  dueTime: string | null;
  dueAt: Date;
  /** Calendar days from today to the due date; negative when past. */
  daysLeft: number;
  isOverdue: boolean;
  assigneeId: string;
  assigneeName: string;
  createdByName: string;
  substituteForName: string | null;
  doneAt: Date | null;
  isLate: boolean | null;
};

const columns = {
  id: tasks.id,
  title: tasks.title,
  status: tasks.status,
  priority: tasks.priority,
  dueDate: tasks.dueDate,
  dueTime: tasks.dueTime,
  dueAt: tasks.dueAt,
  assigneeId: tasks.assigneeId,
  assigneeName: sql<string>`${assignee.givenName} || ' ' || ${assignee.familyName}`,
  createdByName: sql<string>`${creator.givenName} || ' ' || ${creator.familyName}`,
  substituteForName: sql<string | null>`${absentee.givenName} || ' ' || ${absentee.familyName}`,
  doneAt: tasks.doneAt,
};

async function list(where: SQL | undefined, order: SQL[], limit = 300): Promise<TaskListItem[]> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(tasks)
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .innerJoin(creator, eq(creator.id, tasks.createdBy))
    .leftJoin(absentee, eq(absentee.id, tasks.substituteForId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  const now = new Date();
  const today = tallinnDate(now);
  return rows.map((r) => ({
    ...r,
    daysLeft: daysBetween('calendar_days', today, r.dueDate),
    isOverdue: (OPEN_TASK_STATUSES as readonly string[]).includes(r.status) && r.dueAt.getTime() < now.getTime(),
    isLate: r.doneAt ? r.doneAt.getTime() > r.dueAt.getTime() : null,
  }));
}

// Overdue first: ordering by the deadline instant puts every passed deadline before the rest.
const byDeadline = [asc(tasks.dueAt), asc(tasks.id)];

/**
 * "Minu ülesanded": the tasks the person holds, and those of the absent people they
 * substitute: to do, awaiting the manager, and finished in the last 30 days.
 */
export async function listMyTasks(actor: TaskActor) {
  authorize(actor, 'tasks.read');
  const db = await getDb();
  const held = await heldFor(db, actor.id);
  const mine = holderScope(actor, held);
  const since = new Date(Date.now() - 30 * 86_400_000);
  const [open, awaiting, finished] = await Promise.all([
    list(and(mine, inArray(tasks.status, [...OPEN_TASK_STATUSES])), byDeadline),
    list(and(mine, eq(tasks.status, 'done')), byDeadline),
    list(and(mine, inArray(tasks.status, ['accepted', 'cancelled']), gte(tasks.updatedAt, since)), [desc(tasks.updatedAt)], 100),
  ]);
  return { open, awaiting, finished };
}

export type GivenFilter = {
  assigneeId?: string;
  state?: 'unfinished' | 'open' | 'overdue' | 'awaiting' | 'late' | 'on_time' | 'all';
  /** For late / on time: done on or after this Tallinn day. */
  since?: string;
};

export function givenFilterFromParams(params: Record<string, string | string[] | undefined>): GivenFilter {
  const one = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const states = ['unfinished', 'open', 'overdue', 'awaiting', 'late', 'on_time', 'all'] as const;
  const state = one('olek');
  const since = one('alates');
  return {
    assigneeId: /^[0-9a-f-]{36}$/i.test(one('taitja') ?? '') ? one('taitja') : undefined,
    state: states.includes(state as (typeof states)[number]) ? (state as GivenFilter['state']) : 'unfinished',
    since: since && isCalendarDate(since) ? since : undefined,
  };
}

/** The conditions behind each number of the overview, so a number and its list always agree. */
export function givenConditions(filter: GivenFilter, now: Date): SQL[] {
  const conditions: SQL[] = [];
  if (filter.assigneeId) conditions.push(eq(tasks.assigneeId, filter.assigneeId));
  const done = inArray(tasks.status, ['done', 'accepted']);
  const since = filter.since ? sql`${tasks.doneAt} >= (${filter.since}::date::timestamp at time zone 'Europe/Tallinn')` : undefined;
  switch (filter.state ?? 'unfinished') {
    case 'unfinished':
      conditions.push(inArray(tasks.status, [...UNFINISHED_TASK_STATUSES]));
      break;
    case 'open':
      conditions.push(inArray(tasks.status, [...OPEN_TASK_STATUSES]));
      break;
    case 'overdue':
      conditions.push(inArray(tasks.status, [...OPEN_TASK_STATUSES]), lt(tasks.dueAt, now));
      break;
    case 'awaiting':
      conditions.push(eq(tasks.status, 'done'));
      break;
    case 'late':
      conditions.push(done, gt(tasks.doneAt, tasks.dueAt), ...(since ? [since] : []));
      break;
    case 'on_time':
      conditions.push(done, lte(tasks.doneAt, tasks.dueAt), ...(since ? [since] : []));
      break;
    case 'all':
      break;
  }
  return conditions;
}

/** A manager's tasks: those they gave and their team's, filtered as the overview's numbers link. */
export async function listGivenTasks(actor: TaskActor, filter: GivenFilter): Promise<TaskListItem[]> {
  authorize(actor, 'tasks.create');
  const db = await getDb();
  const held = await heldFor(db, actor.id);
  return list(and(managerScope(actor, held), ...givenConditions(filter, new Date())), byDeadline, 500);
}

/** One task with its history and files; what the actor may do with it. Viewing a client-linked task is audited. */
export async function getTaskCard(actor: TaskActor, id: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'tasks.read');
  const db = await getDb();
  const held = await heldFor(db, actor.id);
  const [row] = await db
    .select({
      task: tasks,
      assigneeName: columns.assigneeName,
      createdByName: columns.createdByName,
      substituteForName: columns.substituteForName,
      documentNumber: documents.number,
      client: { id: clients.id, personalCode: clients.personalCode, givenName: clients.givenName, familyName: clients.familyName },
      isHolder: sql<boolean>`${holderScope(actor, held)}`,
      isManager: sql<boolean>`${managerScope(actor, held)}`,
    })
    .from(tasks)
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .innerJoin(creator, eq(creator.id, tasks.createdBy))
    .leftJoin(absentee, eq(absentee.id, tasks.substituteForId))
    .leftJoin(documents, eq(documents.id, tasks.documentId))
    .leftJoin(clients, eq(clients.id, tasks.clientId))
    .where(and(eq(tasks.id, id), readScope(actor, held)));
  if (!row) return null;
  const actorName = sql<string | null>`${staff.givenName} || ' ' || ${staff.familyName}`;
  const [events, files] = await Promise.all([
    db
      .select({ event: taskEvents, actorName })
      .from(taskEvents)
      .leftJoin(staff, eq(staff.id, taskEvents.actorId))
      .where(eq(taskEvents.taskId, id))
      .orderBy(asc(taskEvents.at), asc(taskEvents.id)),
    db
      .select({ id: taskAttachments.id, filename: taskAttachments.filename, size: taskAttachments.size })
      .from(taskAttachments)
      .where(eq(taskAttachments.batchId, row.task.batchId))
      .orderBy(asc(taskAttachments.uploadedAt)),
  ]);
  if (row.client?.id) {
    await recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'task.view',
        entityType: 'task',
        entityId: id,
        subjectCode: row.client!.personalCode,
        purpose: `ülesanne: ${row.task.title}`.slice(0, 200),
        requestId: ctx.requestId,
      },
      db,
    );
  }
  const now = new Date();
  const status = row.task.status;
  const isHolder = Boolean(row.isHolder);
  const isManager = Boolean(row.isManager) && can(actor, 'tasks.create');
  return {
    ...row,
    client: row.client?.id ? row.client : null,
    daysLeft: daysBetween('calendar_days', tallinnDate(now), row.task.dueDate),
    isOverdue: (OPEN_TASK_STATUSES as readonly string[]).includes(status) && row.task.dueAt.getTime() < now.getTime(),
    /** Someone who works or manages the task (their actions panel stays, even when nothing is left to do). */
    isParty: isHolder || isManager,
    events: events.map((e) => ({ ...e.event, actorName: e.actorName })),
    attachments: files,
    can: {
      start: isHolder && (status === 'new' || status === 'returned'),
      complete: isHolder && (OPEN_TASK_STATUSES as readonly string[]).includes(status),
      comment: status !== 'accepted' && status !== 'cancelled',
      review: isManager && status === 'done',
      cancel: isManager && (UNFINISHED_TASK_STATUSES as readonly string[]).includes(status),
      // The question kind only makes sense from the assignee's side.
      ask: isHolder,
    },
  };
}

/** File bytes for a download, only for someone who may read a task of the batch. */
export async function getTaskAttachment(actor: TaskActor, taskId: string, attachmentId: string) {
  authorize(actor, 'tasks.read');
  const db = await getDb();
  const held = await heldFor(db, actor.id);
  const [row] = await db
    .select({ filename: taskAttachments.filename, mime: taskAttachments.mime, content: taskAttachments.content })
    .from(taskAttachments)
    .innerJoin(tasks, eq(tasks.batchId, taskAttachments.batchId))
    .where(and(eq(taskAttachments.id, attachmentId), eq(tasks.id, taskId), readScope(actor, held)));
  return row ?? null;
}

/**
 * The people a manager may give a task to, each with whether they are away today and who
 * would get the task instead, so the form can say so before it is sent.
 */
export async function teamForTasks(actor: TaskActor) {
  authorize(actor, 'tasks.create');
  const db = await getDb();
  const people = await db
    .select({ id: staff.id, given: staff.givenName, family: staff.familyName, officeCode: staff.officeCode, title: staff.title })
    .from(staff)
    .where(and(eq(staff.isActive, true), teamCondition(actor)))
    .orderBy(asc(staff.familyName), asc(staff.givenName));
  const now = new Date();
  const day = await substitutionDay(
    db,
    now,
    people.map((p) => p.id),
  );
  const today = tallinnDate(now);
  const ends = await db
    .select({ staffId: absences.staffId, endsOn: absences.endsOn })
    .from(absences)
    .where(
      and(
        sql`${absences.cancelledAt} is null`,
        lte(absences.startsOn, today),
        gte(absences.endsOn, today),
        inArray(
          absences.staffId,
          people.map((p) => p.id),
        ),
      ),
    );
  const until = new Map(ends.map((e) => [e.staffId, e.endsOn]));
  const holderIds = people.map((p) => day.resolve(p.id).assigneeId).filter((id) => !people.some((p) => p.id === id));
  const extra = holderIds.length
    ? await db.select({ id: staff.id, given: staff.givenName, family: staff.familyName }).from(staff).where(inArray(staff.id, holderIds))
    : [];
  const nameOf = new Map([...people, ...extra].map((p) => [p.id, `${p.given} ${p.family}`]));
  return people.map((p) => {
    const holder = day.resolve(p.id);
    return {
      id: p.id,
      name: `${p.given} ${p.family}`,
      title: p.title,
      absentUntil: until.get(p.id) ?? null,
      goesTo: holder.forId ? (nameOf.get(holder.assigneeId) ?? null) : null,
    };
  });
}

/** Dates the create form offers by default: the next working week. */
export function defaultDueDate(today = tallinnDate(new Date())): string {
  return addDays(today, 7);
}
