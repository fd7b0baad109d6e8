import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clients } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { makePersonalCode } from '@/lib/personal-code';
import { ForbiddenError } from '@/server/auth/policy';
import { setupTestDatabase } from '@/test/db';
import { registerActorFor, testClient } from '@/test/register';
import { countRows } from '@/test/tasks';
import { findClientByCode } from './client-lookup';
import type { RegisterActor } from './visibility';

// The registration form fills in a known client's name from the personal code; seeing it is a
// view of their data, audited with the form's purpose.
const db = setupTestDatabase();
const d = () => db.handle().db;
const ctx = { requestId: 'test' };
let mari: RegisterActor;

beforeAll(async () => {
  await seedDemo(d());
  mari = await registerActorFor(d(), '47805122004');
  await d()
    .insert(clients)
    .values({ personalCode: testClient.clientCode, givenName: testClient.clientGivenName, familyName: testClient.clientFamilyName })
    .onConflictDoNothing();
});

const lookups = () => countRows(d(), 'audit_log', sql`action = 'client.lookup' and subject_code = ${testClient.clientCode}`);

describe('the registration form’s client look-up', () => {
  it('gives a known client’s name and audits it with the form’s purpose', async () => {
    expect(await findClientByCode(mari, testClient.clientCode, ctx)).toMatchObject({ givenName: 'Mary Änn', familyName: 'O’Connež-Šuslik' });
    expect(
      await countRows(d(), 'audit_log', sql`action = 'client.lookup' and purpose = 'dokumendi registreerimine' and actor_code = ${mari.personalCode}`),
    ).toBe(1);
  });

  it('gives nothing, and audits nothing, for an unknown or invalid code', async () => {
    const before = await lookups();
    expect(await findClientByCode(mari, makePersonalCode('1988-07-08', 'male', 1), ctx)).toBeNull();
    expect(await findClientByCode(mari, '60001019907', ctx)).toBeNull();
    expect(await lookups()).toBe(before);
  });

  it.each(['it_support', 'finance', 'admin'] as const)('refuses %s, and audits no look-up', async (role) => {
    const before = await lookups();
    await expect(findClientByCode({ ...mari, roles: [role] }, testClient.clientCode, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await lookups()).toBe(before);
  });
});
