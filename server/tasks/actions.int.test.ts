import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { actionTestSetup } from '@/test/actions';
import { setupTestDatabase } from '@/test/db';
import { countRows, taskInput } from '@/test/tasks';

// The server action itself, called as a browser would post it: the session cookie names
// the person, never the request body.
vi.mock('next/headers', async () => (await import('@/test/actions')).nextHeaders);
vi.mock('next/cache', async () => (await import('@/test/actions')).nextCache);

const { createTasksAction, completeTaskAction } = await import('./actions');

const db = setupTestDatabase();
const d = () => db.handle().db;
const { people, signInAs } = actionTestSetup(d);

const form = (input: unknown) => {
  const data = new FormData();
  data.set('data', JSON.stringify(input));
  return data;
};

describe('the create-task server action', () => {
  it('refuses a specialist who posts it directly, writes nothing, and records the refusal', async () => {
    await signInAs(people.mari);
    const before = {
      tasks: await countRows(d(), 'tasks'),
      outbox: await countRows(d(), 'outbox_messages'),
      notifications: await countRows(d(), 'notifications'),
    };
    const result = await createTasksAction(form(taskInput([people.tonu.id, people.mari.id])));
    expect(result).toEqual({ ok: false, formError: 'errors.forbidden' });
    expect({
      tasks: await countRows(d(), 'tasks'),
      outbox: await countRows(d(), 'outbox_messages'),
      notifications: await countRows(d(), 'notifications'),
    }).toEqual(before);
    expect(await countRows(d(), 'audit_log', sql`action = 'task.create' and outcome = 'denied' and actor_code = ${people.mari.personalCode}`)).toBe(1);
  });

  it('lets the manager give a task, and maps a field error back onto the form', async () => {
    await signInAs(people.juri);
    const ok = await createTasksAction(form(taskInput([people.tonu.id])));
    expect(ok).toMatchObject({ ok: true, data: { tasks: [{ assigneeName: 'Tõnu Saar' }] } });
    const outside = await createTasksAction(form(taskInput([people.andres.id])));
    expect(outside).toEqual({ ok: false, formError: 'errors.fixFields', fieldErrors: { assigneeIds: 'errors.taskOutsideTeam' } });
    const empty = await createTasksAction(form({ ...taskInput([]), submissionId: randomUUID() }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { assigneeIds: 'errors.taskAssignees' } });
  });

  it('refuses to mark someone else’s task done', async () => {
    await signInAs(people.juri);
    const created = await createTasksAction(form(taskInput([people.tonu.id])));
    const id = created.ok ? created.data.tasks[0]!.id : '';
    await signInAs(people.mari);
    expect(await completeTaskAction({ id, result: 'Tehtud' })).toEqual({ ok: false, formError: 'errors.notFound' });
    expect(await countRows(d(), 'tasks', sql`id = ${id} and status = 'new'`)).toBe(1);
  });
});
