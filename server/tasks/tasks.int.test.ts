import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { auditLog, notifications, outboxMessages, taskEvents, taskReminders, tasks, type EmailPayload } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { makePersonalCode } from '@/lib/personal-code';
import { ForbiddenError } from '@/server/auth/policy';
import { addDays } from '@/server/calendar/working-days';
import { DomainError } from '@/server/errors';
import { setupTestDatabase } from '@/test/db';
import { away, clearAbsences, countRows, ctx, loadPeople, taskInput, type People } from '@/test/tasks';
import { versionNow } from '@/test/versions';
import { versionOf } from '@/lib/record-version';
import { cancelTask, commentTask, completeTask, createTasks, reviewTask, startTask } from './mutations';
import { getTaskCard, listGivenTasks, listMyTasks } from './queries';
import { reminderDue, sendTaskReminders, workingDayBefore } from './reminders';

const db = setupTestDatabase();
const d = () => db.handle().db;
const pageVersion = (id: string) => versionNow(d(), 'tasks', id);
let people: People;

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
});
afterEach(() => clearAbsences(d()));

const written = async () => ({
  tasks: await countRows(d(), 'tasks'),
  events: await countRows(d(), 'task_events'),
  notifications: await countRows(d(), 'notifications'),
  outbox: await countRows(d(), 'outbox_messages'),
  audit: await countRows(d(), 'audit_log'),
});

describe('giving a task', () => {
  it('gives each chosen person their own task and tells them in-app and by e-mail', async () => {
    const result = await createTasks(people.juri, taskInput([people.mari.id, people.tonu.id], { title: 'Infovoldikute ülevaatus', priority: 'high' }), [], ctx);
    expect(result.tasks.map((t) => t.assigneeName).sort()).toEqual(['Mari Tamm', 'Tõnu Saar']);
    const rows = await d().select().from(tasks).where(eq(tasks.batchId, result.batchId));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'new' && r.createdBy === people.juri.id && r.substituteForId === null)).toBe(true);
    // Without a time the deadline is 24:00 Tallinn time of the day.
    expect(rows[0]!.dueAt.toISOString()).toMatch(/T2[12]:00:00.000Z$/);

    const bell = await d()
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, people.mari.id), eq(notifications.kind, 'task.created')));
    expect(bell.map((n) => n.subject)).toContain(`Uus ülesanne: Infovoldikute ülevaatus (tähtaeg ${rows[0]!.dueDate.split('-').reverse().join('.')})`);
    const mail = (await d().select().from(outboxMessages).where(eq(outboxMessages.kind, 'task.created'))).map((m) => m.payload as EmailPayload);
    expect(mail.map((m) => m.to)).toEqual(expect.arrayContaining([people.mari.email, people.tonu.email]));
    expect(mail.find((m) => m.to === people.mari.email)!.text).toContain('Jüri Õunapuu andis sulle ülesande.');
    const audit = await d().select().from(auditLog).where(eq(auditLog.action, 'task.create'));
    expect(audit.map((a) => a.entityId)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
  });

  it('refuses an assignee outside the manager’s team or region, and writes nothing', async () => {
    const before = await written();
    await expect(createTasks(people.juri, taskInput([people.mari.id, people.andres.id]), [], ctx)).rejects.toMatchObject({
      code: 'errors.taskOutsideTeam',
      field: 'assigneeIds',
    });
    await expect(createTasks(people.ulle, taskInput([people.mari.id]), [], ctx)).rejects.toMatchObject({ code: 'errors.taskOutsideTeam' });
    expect(await written()).toEqual(before);
  });

  it('refuses a specialist, an administrator and IT support outright, and writes nothing', async () => {
    const before = await written();
    for (const who of [people.mari, people.peeter, people.aivar]) {
      await expect(createTasks(who, taskInput([people.tonu.id]), [], ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await written()).toEqual(before);
  });

  it('refuses a deadline in the past and a linked document or client that does not exist', async () => {
    await expect(createTasks(people.juri, taskInput([people.mari.id], { dueDate: addDays(taskInput([]).dueDate, -10) }), [], ctx)).rejects.toMatchObject({
      code: 'errors.taskDuePast',
    });
    await expect(createTasks(people.juri, taskInput([people.mari.id], { documentNumber: '2-1/999999' }), [], ctx)).rejects.toMatchObject({
      code: 'errors.taskDocumentNotFound',
    });
    await expect(
      createTasks(people.juri, taskInput([people.mari.id], { clientCode: makePersonalCode('1950-05-05', 'male', 123) }), [], ctx),
    ).rejects.toMatchObject({
      code: 'errors.taskClientNotFound',
    });
  });

  it('creates the tasks once when the same form is sent twice', async () => {
    const input = taskInput([people.mari.id, people.jaak.id]);
    const [first, second] = await Promise.all([createTasks(people.juri, input, [], ctx), createTasks(people.juri, input, [], ctx)]);
    expect(second.tasks.map((t) => t.id).sort()).toEqual(first.tasks.map((t) => t.id).sort());
    expect(await countRows(d(), 'tasks', sql`submission_id = ${input.submissionId}`)).toBe(2);
  });
});

describe('substitution', () => {
  it('a task given during an absence goes to the substitute, marked so, and the manager hears nothing different', async () => {
    await away(d(), people.katlin, people.tonu);
    const result = await createTasks(people.juri, taskInput([people.katlin.id, people.mari.id], { title: 'Ooteaja juhend' }), [], ctx);
    const forKatlin = result.tasks.find((t) => t.substituteForName === 'Kätlin Mägi')!;
    expect(forKatlin.assigneeName).toBe('Tõnu Saar');
    const [row] = await d().select().from(tasks).where(eq(tasks.id, forKatlin.id));
    expect(row).toMatchObject({ assigneeId: people.tonu.id, substituteForId: people.katlin.id });
    const [created] = await d().select().from(taskEvents).where(eq(taskEvents.taskId, forKatlin.id));
    expect(created!.details).toMatchObject({ chosen: people.katlin.id, assignee: people.tonu.id, substitution: 'asendamine (Kätlin Mägi)' });
    const [notice] = await d()
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, people.tonu.id), eq(notifications.link, `/ulesanded/${forKatlin.id}`)));
    expect(notice!.subject).toContain('asendajana (Kätlin Mägi eest)');
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${people.katlin.id} and link = ${`/ulesanded/${forKatlin.id}`}`)).toBe(0);

    // Tõnu holds and completes it; Kätlin can read it but not complete it.
    expect((await listMyTasks(people.tonu)).open.map((t) => t.id)).toContain(forKatlin.id);
    expect(await getTaskCard(people.katlin, forKatlin.id, ctx)).toMatchObject({ can: { complete: false } });
    await expect(completeTask(people.katlin, { id: forKatlin.id, result: 'Tehtud' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await completeTask(people.tonu, { id: forKatlin.id, result: 'Loetud, takistusi ei näe.' }, ctx);
    const [done] = await d().select().from(tasks).where(eq(tasks.id, forKatlin.id));
    expect(done).toMatchObject({ status: 'done', doneBy: people.tonu.id });
  });

  it('the absent person’s open tasks also show in the substitute’s list, only while the absence lasts', async () => {
    const { tasks: given } = await createTasks(people.juri, taskInput([people.jaak.id], { title: 'Jaagu ülesanne' }), [], ctx);
    const id = given[0]!.id;
    expect((await listMyTasks(people.mari)).open.map((t) => t.id)).not.toContain(id);
    const absence = await away(d(), people.jaak, people.mari);
    const list = await listMyTasks(people.mari);
    expect(list.open.find((t) => t.id === id)).toMatchObject({ assigneeName: 'Jaak-Kristjan Jõeorg' });
    // The substitute may work it while the person is away.
    await startTask(people.mari, { id }, ctx);
    await clearAbsences(d());
    expect((await listMyTasks(people.mari)).open.map((t) => t.id)).not.toContain(id);
    await expect(completeTask(people.mari, { id, result: 'x' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    expect(absence).toBeTruthy();
  });

  it('follows the chain A → B → C and goes to the manager when nobody is there', async () => {
    await away(d(), people.mari, people.tonu);
    await away(d(), people.tonu, people.jaak);
    const chained = await createTasks(people.juri, taskInput([people.mari.id]), [], ctx);
    expect(chained.tasks[0]).toMatchObject({ assigneeName: 'Jaak-Kristjan Jõeorg', substituteForName: 'Mari Tamm' });
    await away(d(), people.jaak, null);
    const nobody = await createTasks(people.juri, taskInput([people.mari.id]), [], ctx);
    expect(nobody.tasks[0]).toMatchObject({ assigneeName: 'Jüri Õunapuu', substituteForName: 'Mari Tamm' });
  });
});

describe('working on a task', () => {
  it('goes new → in progress → done (result required) → returned → done → accepted, telling the other side each time', async () => {
    const { tasks: given } = await createTasks(people.juri, taskInput([people.mari.id], { title: 'Kaebuse vastus' }), [], ctx);
    const id = given[0]!.id;
    await startTask(people.mari, { id }, ctx);
    await commentTask(people.mari, { id, kind: 'question', body: 'Kas vastus läheb ka e-postiga?' }, ctx);
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${people.juri.id} and kind = 'task.question'`)).toBe(1);
    await expect(completeTask(people.mari, { id, result: '  ' }, ctx)).rejects.toBeInstanceOf(ZodError);
    // Accepting is the manager's, and only once it is done.
    await expect(reviewTask(people.mari, { id, version: await pageVersion(id), decision: 'accept', comment: '' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewTask(people.juri, { id, version: await pageVersion(id), decision: 'accept', comment: '' }, ctx)).rejects.toMatchObject({
      code: 'errors.taskStatus',
    });
    await completeTask(people.mari, { id, result: 'Vastus saadetud 2-1/1534-1.' }, ctx);
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${people.juri.id} and kind = 'task.done'`)).toBeGreaterThan(0);
    await expect(reviewTask(people.juri, { id, version: await pageVersion(id), decision: 'return', comment: '' }, ctx)).rejects.toBeInstanceOf(ZodError);
    await reviewTask(people.juri, { id, version: await pageVersion(id), decision: 'return', comment: 'Lisa viide seadusele.' }, ctx);
    let [row] = await d().select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ status: 'returned', doneAt: null });
    await completeTask(people.mari, { id, result: 'Viide lisatud.' }, ctx);
    await reviewTask(people.juri, { id, version: await pageVersion(id), decision: 'accept', comment: '' }, ctx);
    [row] = await d().select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ status: 'accepted', result: 'Viide lisatud.' });
    const kinds = (await d().select().from(taskEvents).where(eq(taskEvents.taskId, id))).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'started', 'question', 'done', 'returned', 'done', 'accepted']);
    await expect(cancelTask(people.juri, { id, version: await pageVersion(id), reason: '' }, ctx)).rejects.toMatchObject({ code: 'errors.taskStatus' });
  });

  it('the manager decides on the result their page showed: one redone meanwhile is refused as changed, nothing written', async () => {
    const { tasks: given } = await createTasks(people.juri, taskInput([people.mari.id], { title: 'Kirja mustand' }), [], ctx);
    const id = given[0]!.id;
    await completeTask(people.mari, { id, result: 'Esimene mustand.' }, ctx);
    const shown = versionOf((await getTaskCard(people.juri, id, ctx))!.task);
    // In another tab the manager returns it, and the assignee sends a different result.
    await reviewTask(people.juri, { id, version: shown, decision: 'return', comment: 'Lühemalt.' }, ctx);
    await completeTask(people.mari, { id, result: 'Teine mustand.' }, ctx);
    const events = await countRows(d(), 'task_events', sql`task_id = ${id}`);
    const audits = await countRows(d(), 'audit_log', sql`entity_id = ${id}`);
    await expect(reviewTask(people.juri, { id, version: shown, decision: 'accept', comment: '' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    await expect(cancelTask(people.juri, { id, version: shown, reason: '' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    const [row] = await d().select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ status: 'done', result: 'Teine mustand.' });
    expect(await countRows(d(), 'task_events', sql`task_id = ${id}`)).toBe(events);
    expect(await countRows(d(), 'audit_log', sql`entity_id = ${id}`)).toBe(audits);
  });

  it('the manager cancels an unfinished task', async () => {
    const { tasks: given } = await createTasks(people.juri, taskInput([people.tonu.id]), [], ctx);
    await cancelTask(people.juri, { id: given[0]!.id, version: await pageVersion(given[0]!.id), reason: 'Enam ei ole vaja.' }, ctx);
    expect((await listMyTasks(people.tonu)).finished.map((t) => t.id)).toContain(given[0]!.id);
  });
});

describe('who sees and changes a task', () => {
  it('a specialist cannot read or change another person’s task', async () => {
    const { tasks: given } = await createTasks(people.juri, taskInput([people.mari.id], { title: 'Ainult Marile' }), [], ctx);
    const id = given[0]!.id;
    expect(await getTaskCard(people.tonu, id, ctx)).toBeNull();
    expect((await listMyTasks(people.tonu)).open.map((t) => t.id)).not.toContain(id);
    await expect(completeTask(people.tonu, { id, result: 'x' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    await expect(commentTask(people.tonu, { id, kind: 'comment', body: 'x' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    await expect(listGivenTasks(people.tonu, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a manager of another region can neither see nor change this region’s tasks', async () => {
    const { tasks: given } = await createTasks(people.juri, taskInput([people.mari.id], { title: 'Põhja ülesanne' }), [], ctx);
    const id = given[0]!.id;
    await completeTask(people.mari, { id, result: 'Tehtud.' }, ctx);
    expect(await getTaskCard(people.ulle, id, ctx)).toBeNull();
    expect((await listGivenTasks(people.ulle, { state: 'all' })).map((t) => t.id)).not.toContain(id);
    await expect(reviewTask(people.ulle, { id, version: await pageVersion(id), decision: 'accept', comment: '' }, ctx)).rejects.toBeInstanceOf(DomainError);
    await expect(cancelTask(people.ulle, { id, version: await pageVersion(id), reason: '' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    const [row] = await d().select().from(tasks).where(eq(tasks.id, id));
    expect(row!.status).toBe('done');
    // The manager of the region does.
    expect((await listGivenTasks(people.juri, { state: 'awaiting' })).map((t) => t.id)).toContain(id);
  });
});

describe('reminders', () => {
  // Due Monday 28 December 2026: the working day before is Wednesday the 23rd, because
  // 24–26 December are public holidays and the 27th is a Sunday.
  const given = new Date('2026-12-15T08:00:00Z');

  it('knows the working day before by the Estonian calendar', () => {
    expect(workingDayBefore('2026-12-28')).toBe('2026-12-23');
    expect(workingDayBefore('2026-12-08')).toBe('2026-12-07');
    expect(workingDayBefore('2026-12-07')).toBe('2026-12-04');
  });

  it('sends "due soon" on the working day before and "overdue" once the day is over: each once, however often it runs', async () => {
    const { tasks: given2 } = await createTasks(people.juri, taskInput([people.mari.id], { dueDate: '2026-12-28', title: 'Aastalõpu aruanne' }), [], {
      ...ctx,
      now: given,
    });
    const id = given2[0]!.id;
    const sent = async (kind: string) => countRows(d(), 'notifications', sql`kind = ${kind} and link = ${`/ulesanded/${id}`}`);
    const mails = async (kind: string) => countRows(d(), 'outbox_messages', sql`kind = ${kind} and payload->>'text' like ${`%/ulesanded/${id}%`}`);
    const at = (iso: string) => sendTaskReminders({ db: d(), now: new Date(iso) });

    await at('2026-12-22T12:00:00Z');
    expect(await sent('task.due_soon')).toBe(0);
    // Wednesday 23rd: the scheduler runs twice in a row, and twice at the same moment.
    await at('2026-12-23T07:00:00Z');
    await at('2026-12-23T07:05:00Z');
    await Promise.all([at('2026-12-23T07:10:00Z'), at('2026-12-23T07:10:00Z')]);
    expect(await sent('task.due_soon')).toBe(1);
    expect(await mails('task.due_soon')).toBe(1);
    await at('2026-12-27T10:00:00Z');
    // 28.12 23:59 Tallinn is still on time.
    await at('2026-12-28T21:59:00Z');
    expect(await sent('task.overdue')).toBe(0);
    await Promise.all([at('2026-12-28T22:00:01Z'), at('2026-12-28T22:00:01Z'), at('2026-12-29T08:00:00Z')]);
    // The overdue notice goes to the assignee and to the manager, once.
    expect(await sent('task.overdue')).toBe(2);
    expect(await mails('task.overdue')).toBe(2);
    expect(await countRows(d(), 'task_reminders', sql`task_id = ${id}`)).toBe(2);
    const reminders = await d().select().from(taskReminders).where(eq(taskReminders.taskId, id));
    expect(reminders.map((r) => r.kind).sort()).toEqual(['due_soon', 'overdue']);
  });

  it('sends no "due soon" for a task given on the reminder day, and nothing for a finished task', () => {
    const task = { dueDate: '2026-12-28', dueAt: new Date('2026-12-28T22:00:00Z'), createdAt: new Date('2026-12-23T09:00:00Z') };
    expect(reminderDue(task, new Date('2026-12-23T12:00:00Z'))).toBeNull();
    expect(reminderDue({ ...task, createdAt: given }, new Date('2026-12-23T12:00:00Z'))).toBe('due_soon');
    expect(reminderDue({ ...task, createdAt: given }, new Date('2026-12-23T12:00:00Z'), {}, new Set(['due_soon']))).toBeNull();
  });

  it('does not remind of an accepted task', async () => {
    const { tasks: given2 } = await createTasks(people.juri, taskInput([people.tonu.id], { dueDate: '2026-12-28' }), [], { ...ctx, now: given });
    const id = given2[0]!.id;
    await completeTask(people.tonu, { id, result: 'Valmis.' }, ctx);
    await reviewTask(people.juri, { id, version: await pageVersion(id), decision: 'accept', comment: '' }, ctx);
    await sendTaskReminders({ db: d(), now: new Date('2026-12-23T07:00:00Z') });
    await sendTaskReminders({ db: d(), now: new Date('2026-12-29T07:00:00Z') });
    expect(await countRows(d(), 'task_reminders', sql`task_id = ${id}`)).toBe(0);
  });
});
