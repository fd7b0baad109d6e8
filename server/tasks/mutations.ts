import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clients, documents, staff, taskAttachments, taskEvents, tasks, type Task } from '@/db/schema';
import { formatDate } from '@/lib/format';
import {
  canTransition,
  createTaskSchema,
  taskCancelSchema,
  taskCommentSchema,
  taskDoneSchema,
  taskIdSchema,
  taskReviewSchema,
  type CreateTaskInput,
  type TaskCancelInput,
  type TaskCommentInput,
  type TaskDoneInput,
  type TaskReviewInput,
  type TaskTransition,
} from '@/lib/task-schema';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { appendAudit } from '@/server/audit/record';
import { authorize, can, ForbiddenError, type Permission } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { assertUnchanged } from '@/server/record-version';
import { auditingRefusals, RecordRefused } from '@/server/audit/refusal';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { checkUploads, type UploadedFile } from '@/server/incidents/files';
import { notice } from '@/server/notifications/notices';
import { notify } from '@/server/notifications/notify';
import { effectiveAssignee, heldFor, substitutionDay } from '@/server/org/substitution';
import { teamCondition } from '@/server/org/team';
import { visibleDocuments } from '@/server/register/visibility';
import type { Tx } from '@/server/tx';
import { holderScope, managerScope, readScope, type TaskActor } from './scope';
import type { RequestContext } from '@/server/observability/context';

/** The instant a task's deadline ends: the time given, or 24:00 Tallinn time of the day. */
export function dueInstant(dueDate: string, dueTime: string | null): Date {
  return dueTime ? tallinnLocalToInstant(`${dueDate}T${dueTime.slice(0, 5)}`)! : tallinnLocalToInstant(`${addDays(dueDate, 1)}T00:00`)!;
}

export const formatDue = (task: Pick<Task, 'dueDate' | 'dueTime'>) => `${formatDate(task.dueDate)}${task.dueTime ? ` ${task.dueTime.slice(0, 5)}` : ''}`;

const names = async (tx: Tx, ids: readonly string[]) => {
  const rows = ids.length
    ? await tx
        .select({ id: staff.id, given: staff.givenName, family: staff.familyName })
        .from(staff)
        .where(inArray(staff.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map((r) => [r.id, `${r.given} ${r.family}`]));
};

export type CreatedTask = { id: string; assigneeId: string; assigneeName: string; substituteForName: string | null };

/**
 * A manager gives a task to people of their team: one task per person. Someone away gets
 * it through their substitute, marked so. Everything (tasks, files, notices, audit rows)
 * commits together or not at all; the same form sent twice creates the tasks once.
 */
export async function createTasks(
  actor: TaskActor,
  input: CreateTaskInput,
  files: readonly UploadedFile[],
  ctx: RequestContext,
): Promise<{ batchId: string; tasks: CreatedTask[] }> {
  const role = authorize(actor, 'tasks.create');
  const data = createTaskSchema.parse(input);
  const now = ctx.now ?? new Date();
  if (data.dueDate < tallinnDate(now)) throw new DomainError('errors.taskDuePast', 'dueDate');
  const dueAt = dueInstant(data.dueDate, data.dueTime || null);
  if (dueAt.getTime() <= now.getTime()) throw new DomainError('errors.taskDuePast', 'dueTime');
  const checked = checkUploads(files);
  const chosen = [...new Set(data.assigneeIds)];
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const people = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(inArray(staff.id, chosen), eq(staff.isActive, true), teamCondition(actor)));
      if (people.length !== chosen.length) throw new DomainError('errors.taskOutsideTeam', 'assigneeIds');

      let documentId: string | null = null;
      if (data.documentNumber) {
        const [doc] = await tx
          .select({ id: documents.id })
          .from(documents)
          .where(and(eq(documents.number, data.documentNumber), visibleDocuments({ ...actor })))
          .orderBy(desc(documents.registeredAt))
          .limit(1);
        if (!doc) throw new DomainError('errors.taskDocumentNotFound', 'documentNumber');
        documentId = doc.id;
      }
      let clientId: string | null = null;
      if (data.clientCode) {
        const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.personalCode, data.clientCode));
        if (!client) throw new DomainError('errors.taskClientNotFound', 'clientCode');
        clientId = client.id;
      }

      const batchId = randomUUID();
      if (checked.length) {
        await tx
          .insert(taskAttachments)
          .values(checked.map((f) => ({ batchId, filename: f.filename, mime: f.mime, size: f.bytes.byteLength, content: f.bytes, uploadedBy: actor.id })));
      }
      const day = await substitutionDay(tx, now, chosen);
      const holders = chosen.map((id) => ({ chosenId: id, ...day.resolve(id) }));
      const nameOf = await names(tx, [actor.id, ...holders.flatMap((h) => [h.chosenId, h.assigneeId])]);
      const manager = nameOf.get(actor.id) ?? '';
      const due = formatDue({ dueDate: data.dueDate, dueTime: data.dueTime || null });
      const created: CreatedTask[] = [];
      for (const holder of holders) {
        const substituteForId = holder.forId;
        const [row] = await tx
          .insert(tasks)
          .values({
            batchId,
            title: data.title,
            description: data.description,
            dueDate: data.dueDate,
            dueTime: data.dueTime || null,
            dueAt,
            priority: data.priority,
            documentId,
            clientId,
            createdBy: actor.id,
            assigneeId: holder.assigneeId,
            substituteForId,
            submissionId: data.submissionId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: tasks.id });
        const id = row!.id;
        const forName = substituteForId ? nameOf.get(substituteForId)! : null;
        await tx.insert(taskEvents).values({
          taskId: id,
          actorId: actor.id,
          at: now,
          kind: 'created',
          details: {
            chosen: holder.chosenId,
            assignee: holder.assigneeId,
            ...(substituteForId ? { substitution: `asendamine (${forName})`, substitutionChain: holder.chain, substitutionVia: holder.via } : {}),
            files: checked.length,
          },
        });
        await notify(tx, {
          recipients: [{ staffId: holder.assigneeId }],
          notice: notice('task.created', { title: data.title, due, manager, substituteFor: forName, priority: data.priority, description: data.description }),
          link: `/ulesanded/${id}`,
        });
        await appendAudit(tx, {
          actorCode: actor.personalCode,
          actorRole: role,
          action: 'task.create',
          entityType: 'task',
          entityId: id,
          subjectCode: data.clientCode || null,
          requestId: ctx.requestId,
          details: { batchId, assignee: holder.assigneeId, ...(substituteForId ? { substituteFor: substituteForId } : {}), dueDate: data.dueDate },
        });
        created.push({ id, assigneeId: holder.assigneeId, assigneeName: nameOf.get(holder.assigneeId)!, substituteForName: forName });
      }
      return { batchId, tasks: created };
    });
  } catch (error) {
    // The same form sent twice (a double click, a retried request): answer with the first.
    if (isUniqueViolation(error, 'tasks_submission_assignee_unique')) {
      const rows = await db
        .select({ id: tasks.id, batchId: tasks.batchId, assigneeId: tasks.assigneeId, substituteForId: tasks.substituteForId })
        .from(tasks)
        .where(and(eq(tasks.submissionId, data.submissionId), eq(tasks.createdBy, actor.id)));
      if (rows.length) {
        const nameOf = await db.transaction((tx) =>
          names(
            tx,
            rows.flatMap((r) => [r.assigneeId, ...(r.substituteForId ? [r.substituteForId] : [])]),
          ),
        );
        return {
          batchId: rows[0]!.batchId,
          tasks: rows.map((r) => ({
            id: r.id,
            assigneeId: r.assigneeId,
            assigneeName: nameOf.get(r.assigneeId)!,
            substituteForName: r.substituteForId ? nameOf.get(r.substituteForId)! : null,
          })),
        };
      }
    }
    throw error;
  }
}

type Side = 'holder' | 'manager' | 'reader';

/** The task, locked; not found when the actor may not read it, refused when they may read but not act. */
async function lockTask(tx: Tx, actor: TaskActor, id: string, side: Side) {
  const held = await heldFor(tx, actor.id);
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), readScope(actor, held)))
    .for('update');
  if (!row) {
    // Another team's or region's task answers as a missing one; that it exists is audited.
    const [hidden] = await tx
      .select({ id: tasks.id, clientCode: clients.personalCode })
      .from(tasks)
      .leftJoin(clients, eq(clients.id, tasks.clientId))
      .where(eq(tasks.id, id));
    if (hidden) throw new RecordRefused({ entityType: 'task', entityId: id, subjectCode: hidden.clientCode, reason: 'out_of_scope' });
    throw new DomainError('errors.notFound');
  }
  if (side === 'reader') return { task: row, held };
  const scope = side === 'holder' ? holderScope(actor, held) : managerScope(actor, held);
  const [allowed] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, id), scope));
  if (!allowed) throw new ForbiddenError(side === 'holder' ? 'tasks.read' : 'tasks.create');
  return { task: row, held };
}

async function addEvent(tx: Tx, taskId: string, actorId: string, kind: string, note: string | null, details: Record<string, unknown> | null = null) {
  await tx.insert(taskEvents).values({ taskId, actorId, kind, note: note || null, details });
}

async function audit(tx: Tx, actor: TaskActor, role: string, action: string, task: Task, ctx: RequestContext, details?: Record<string, unknown>) {
  await appendAudit(tx, {
    actorCode: actor.personalCode,
    actorRole: role,
    action,
    entityType: 'task',
    entityId: task.id,
    requestId: ctx.requestId,
    details: details ?? null,
  });
}

/** The manager who gave the task, or whoever holds their work while they are away. */
async function managerOf(tx: Tx, task: Task) {
  return (await effectiveAssignee(tx, task.createdBy)).assigneeId;
}

async function move(tx: Tx, task: Task, transition: TaskTransition, set: Partial<typeof tasks.$inferInsert>) {
  if (!canTransition(transition, task.status)) throw new DomainError('errors.taskStatus');
  const to = { start: 'in_progress', done: 'done', accept: 'accepted', return: 'returned', cancel: 'cancelled' } as const;
  await tx
    .update(tasks)
    .set({ status: to[transition], updatedAt: sql`now()`, ...set })
    .where(eq(tasks.id, task.id));
}

async function withTask<T>(
  actor: TaskActor,
  permission: Permission,
  [action, requestId]: [string, string],
  id: string,
  side: Side,
  run: (tx: Tx, task: Task, role: string, names: Map<string, string>, held: string[]) => Promise<T>,
): Promise<T> {
  const role = authorize(actor, permission);
  const db = await getDb();
  return auditingRefusals(actor, action, requestId, () =>
    db.transaction(async (tx) => {
      const { task, held } = await lockTask(tx, actor, id, side);
      return run(tx, task, role, await names(tx, [actor.id, task.assigneeId, task.createdBy]), held);
    }),
  );
}

/** The assignee (or their substitute) takes the task in hand. */
export async function startTask(actor: TaskActor, input: { id: string }, ctx: RequestContext): Promise<void> {
  const { id } = taskIdSchema.parse(input);
  await withTask(actor, 'tasks.read', ['task.start', ctx.requestId], id, 'holder', async (tx, task, role) => {
    await move(tx, task, 'start', {});
    await addEvent(tx, task.id, actor.id, 'started', null, { from: task.status });
    await audit(tx, actor, role, 'task.start', task, ctx);
  });
}

/** A comment or a question; it is told to the other side (a question always goes to the manager). */
export async function commentTask(actor: TaskActor, input: TaskCommentInput, ctx: RequestContext): Promise<void> {
  const data = taskCommentSchema.parse(input);
  await withTask(actor, 'tasks.read', [`task.${data.kind}`, ctx.requestId], data.id, 'reader', async (tx, task, role, nameOf, held) => {
    if (task.status === 'accepted' || task.status === 'cancelled') throw new DomainError('errors.taskStatus');
    const isHolder = task.assigneeId === actor.id || held.includes(task.assigneeId);
    const fromManagerSide = !isHolder && can(actor, 'tasks.create');
    const kind = fromManagerSide ? 'comment' : data.kind;
    await addEvent(tx, task.id, actor.id, kind, data.body);
    const to = fromManagerSide ? (await effectiveAssignee(tx, task.assigneeId)).assigneeId : await managerOf(tx, task);
    if (to !== actor.id) {
      await notify(tx, {
        recipients: [{ staffId: to }],
        notice: notice(kind === 'question' ? 'task.question' : 'task.comment', { title: task.title, author: nameOf.get(actor.id) ?? '', body: data.body }),
        link: `/ulesanded/${task.id}`,
      });
    }
    await audit(tx, actor, role, `task.${kind}`, task, ctx);
  });
}

/** Done, with the result (required); the manager is told and accepts or returns it. */
export async function completeTask(actor: TaskActor, input: TaskDoneInput, ctx: RequestContext): Promise<void> {
  const data = taskDoneSchema.parse(input);
  await withTask(actor, 'tasks.read', ['task.done', ctx.requestId], data.id, 'holder', async (tx, task, role, nameOf) => {
    await move(tx, task, 'done', { result: data.result, doneAt: ctx.now ?? new Date(), doneBy: actor.id });
    await addEvent(tx, task.id, actor.id, 'done', data.result, actor.id !== task.assigneeId ? { onBehalfOf: task.assigneeId } : null);
    await notify(tx, {
      recipients: [{ staffId: await managerOf(tx, task) }],
      notice: notice('task.done', { title: task.title, name: nameOf.get(actor.id) ?? '', result: data.result }),
      link: `/ulesanded/${task.id}`,
    });
    await audit(tx, actor, role, 'task.done', task, ctx);
  });
}

/** The manager accepts the result, or returns the task with a comment (it goes back in progress). */
export async function reviewTask(actor: TaskActor, input: TaskReviewInput, ctx: RequestContext): Promise<void> {
  const data = taskReviewSchema.parse(input);
  await withTask(actor, 'tasks.create', [`task.${data.decision}`, ctx.requestId], data.id, 'manager', async (tx, task, role) => {
    const accept = data.decision === 'accept';
    if (!canTransition(accept ? 'accept' : 'return', task.status)) throw new DomainError('errors.taskStatus');
    assertUnchanged(task, data.version);
    await move(tx, task, accept ? 'accept' : 'return', accept ? { closedAt: ctx.now ?? new Date() } : { doneAt: null, doneBy: null });
    await addEvent(tx, task.id, actor.id, accept ? 'accepted' : 'returned', data.comment);
    await notify(tx, {
      recipients: [{ staffId: (await effectiveAssignee(tx, task.assigneeId)).assigneeId }],
      notice: notice(accept ? 'task.accepted' : 'task.returned', { title: task.title, comment: data.comment }),
      link: `/ulesanded/${task.id}`,
    });
    await audit(tx, actor, role, accept ? 'task.accept' : 'task.return', task, ctx);
  });
}

export async function cancelTask(actor: TaskActor, input: TaskCancelInput, ctx: RequestContext): Promise<void> {
  const data = taskCancelSchema.parse(input);
  await withTask(actor, 'tasks.create', ['task.cancel', ctx.requestId], data.id, 'manager', async (tx, task, role) => {
    if (!canTransition('cancel', task.status)) throw new DomainError('errors.taskStatus');
    assertUnchanged(task, data.version);
    await move(tx, task, 'cancel', { closedAt: ctx.now ?? new Date() });
    await addEvent(tx, task.id, actor.id, 'cancelled', data.reason);
    await notify(tx, {
      recipients: [{ staffId: (await effectiveAssignee(tx, task.assigneeId)).assigneeId }],
      notice: notice('task.cancelled', { title: task.title, reason: data.reason }),
      link: `/ulesanded/${task.id}`,
    });
    await audit(tx, actor, role, 'task.cancel', task, ctx, { from: task.status });
  });
}
