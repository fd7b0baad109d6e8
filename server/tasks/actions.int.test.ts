import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '@/db/seed/seed';
import { createSession, newSessionToken } from '@/server/auth/sessions';
import { setupTestDatabase } from '@/test/db';
import { countRows, loadPeople, taskInput, type People } from '@/test/tasks';

// The server action itself, called as a browser would post it: the session cookie names
// the person, never the request body.
const session = vi.hoisted(() => ({ token: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'toolaud.session' && session.token ? { value: session.token } : undefined) }),
  headers: async () => new Headers({ 'x-request-id': 'action-test' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { createTasksAction, completeTaskAction } = await import('./actions');

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, {
    AUTH_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
    OIDC_ISSUER: 'http://localhost:1',
    OIDC_ALLOW_DEV_ISSUER: 'true',
    OIDC_CLIENT_ID: 'test',
    OIDC_CLIENT_SECRET: 'test',
    NEXTAUTH_URL: 'http://localhost:3000',
  });
  await seedDemo(d());
  people = await loadPeople(d());
});
afterAll(() => {
  process.env = { ...saved };
});

async function signInAs(who: { id: string }) {
  session.token = newSessionToken();
  await createSession(who.id, session.token, 3600);
}

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
