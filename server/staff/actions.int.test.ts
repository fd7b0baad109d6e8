import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { incidentRoutingRules, staff } from '@/db/schema';
import { actionTestSetup } from '@/test/actions';
import { setupTestDatabase } from '@/test/db';
import { staffInput } from '@/test/staff';
import { countRows } from '@/test/tasks';

// The staff directory's and the routing rules' actions, posted as a browser would: each hands
// its parsed data to the domain function, which parses it again at its own boundary, so an
// empty manager, office or mailbox (null once parsed) must pass both.
vi.mock('next/headers', async () => (await import('@/test/actions')).nextHeaders);
vi.mock('next/cache', async () => (await import('@/test/actions')).nextCache);

const { createStaffAction, updateStaffAction } = await import('./actions');
const { saveRoutingRuleAction } = await import('@/server/incidents/actions');

const db = setupTestDatabase();
const d = () => db.handle().db;
const { people, signInAs } = actionTestSetup(d);

// No office, no phone and no title: the parsed data carries nulls and empty strings.
const person = staffInput({ phone: '', title: '', officeCode: '' });

describe('the staff actions', () => {
  it('refuses a specialist and writes nothing', async () => {
    await signInAs(people.mari);
    expect(await createStaffAction(person)).toEqual({ ok: false, formError: 'errors.forbidden' });
    expect(await countRows(d(), 'staff', sql`personal_code = ${person.personalCode}`)).toBe(0);
  });

  it('adds a person with no office and no manager, and changes their title', async () => {
    await signInAs(people.peeter);
    const created = await createStaffAction(person);
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.id : '';
    const [row] = await d().select().from(staff).where(eq(staff.id, id));
    expect(row).toMatchObject({ officeCode: null, managerId: null, titleEn: null });
    expect(await updateStaffAction({ ...person, title: 'Peaspetsialist', id, version: row!.updatedAt.toISOString() })).toMatchObject({ ok: true });
    const [after] = await d().select().from(staff).where(eq(staff.id, id));
    expect(after).toMatchObject({ title: 'Peaspetsialist', managerId: null });
  });
});

describe('the routing rule action', () => {
  it('saves a rule with no mailbox', async () => {
    await signInAs(people.peeter);
    const rule = { id: '', category: 'scanner', regionCode: 'pohja', queue: 'it_support', mailbox: '', queueName: '', informIds: [] } as const;
    expect(await saveRoutingRuleAction({ ...rule, informIds: [] })).toMatchObject({ ok: true });
    expect(await d().select().from(incidentRoutingRules).where(eq(incidentRoutingRules.category, 'scanner'))).toMatchObject([
      { mailbox: null, queueName: null },
    ]);
  });
});
