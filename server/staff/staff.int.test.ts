import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { auditLog, sessions, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { demoStaff } from '@/db/seed/org-data';
import { makePersonalCode } from '@/lib/personal-code';
import { ROLES, type Role } from '@/lib/roles';
import type { StaffInput } from '@/lib/staff-schema';
import { createSession, findSessionUser, newSessionToken } from '@/server/auth/sessions';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { setupTestDatabase } from '@/test/db';
import { staffInput } from '@/test/staff';
import { createStaff, setStaffActive, updateStaff } from './mutations';
import { getStaffMember, listStaff, staffFormOptions } from './queries';

const db = setupTestDatabase();
const OTHER_CODE = makePersonalCode('1988-07-08', 'male', 1);
const ctx = { requestId: 'test' };

type Person = { id: string; personalCode: string; roles: Role[] };
let admin: Person;
let specialist: Person;

const input = staffInput;

const counts = async () => {
  const d = db.handle().db;
  const [s] = await d.select({ n: sql<number>`count(*)::int` }).from(staff);
  const [a] = await d.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { staff: s!.n, audit: a!.n };
};

beforeAll(async () => {
  await seedDemo(db.handle().db);
  const rows = await db.handle().db.select().from(staff);
  const find = (code: string) => rows.find((r) => r.personalCode === code)!;
  admin = find(demoStaff.find((p) => p.roles.includes('admin'))!.personalCode);
  specialist = find('47805122004');
});

describe('staff directory: authorization', () => {
  const nonAdmins = ROLES.filter((r) => r !== 'admin');

  it.each(nonAdmins)('refuses %s every read, and writes nothing', async (role) => {
    const actor = { ...specialist, roles: [role] };
    await expect(listStaff(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStaffMember(actor, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(staffFormOptions(actor)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it.each(nonAdmins)('refuses %s every change, and writes nothing', async (role) => {
    const actor = { ...specialist, roles: [role] };
    const before = await counts();
    await expect(createStaff(actor, input({ roles: ['admin'] }), ctx)).rejects.toBeInstanceOf(ForbiddenError);
    const [target] = await db.handle().db.select().from(staff).where(eq(staff.id, admin.id));
    await expect(updateStaff(actor, { ...input(), id: admin.id, version: target!.updatedAt.toISOString() }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setStaffActive(actor, { id: admin.id, active: false }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    const [after] = await db.handle().db.select().from(staff).where(eq(staff.id, admin.id));
    expect(after).toEqual(target);
  });
});

describe('staff directory: administrator', () => {
  it('lists and searches, with Estonian letters and LIKE wildcards taken literally', async () => {
    expect((await listStaff(admin)).length).toBe(demoStaff.length);
    expect((await listStaff(admin, { query: 'õunapuu' })).map((r) => r.name)).toEqual(['Jüri Õunapuu']);
    expect(await listStaff(admin, { query: '%' })).toEqual([]);
    expect((await listStaff(admin, { query: '4780512' })).map((r) => r.name)).toEqual(['Mari Tamm']);
  });

  it('adds a person, audited with the admin role and the person’s code', async () => {
    const { id } = await createStaff(admin, input(), ctx);
    const [row] = await db.handle().db.select().from(staff).where(eq(staff.id, id));
    expect(row).toMatchObject({ givenName: 'Õnne', familyName: 'Šmigun', managerId: null, roles: ['specialist'], isActive: true });
    const [audit] = await db.handle().db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: 'staff.create', actorCode: admin.personalCode, actorRole: 'admin', subjectCode: '49403136515', outcome: 'success' });
  });

  it.each([
    ['an invalid personal code', { personalCode: '49403136516' }],
    ['script in a name', { givenName: '<script>alert(1)</script>' }],
    ['no roles', { roles: [] as StaffInput['roles'] }],
    ['a bad e-mail', { email: 'onne@' }],
  ] satisfies [string, Partial<StaffInput>][])('refuses %s and writes nothing', async (_what, overrides) => {
    const before = await counts();
    await expect(createStaff(admin, input({ personalCode: OTHER_CODE, email: 'new@sotsiaalkindlustusamet.ee', ...overrides }), ctx)).rejects.toBeInstanceOf(
      ZodError,
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate personal code or e-mail with a field error', async () => {
    const before = await counts();
    await expect(createStaff(admin, input({ email: 'someone.else@sotsiaalkindlustusamet.ee' }), ctx)).rejects.toEqual(
      new DomainError('errors.duplicatePersonalCode', 'personalCode'),
    );
    await expect(createStaff(admin, input({ personalCode: OTHER_CODE }), ctx)).rejects.toMatchObject({ code: 'errors.duplicateEmail', field: 'email' });
    await expect(createStaff(admin, input({ personalCode: OTHER_CODE, email: 'x@sotsiaalkindlustusamet.ee', unitCode: 'nope' }), ctx)).rejects.toMatchObject({
      code: 'errors.unknownReference',
    });
    expect(await counts()).toEqual(before);
  });

  it('two concurrent identical submissions create one person', async () => {
    const before = await counts();
    const results = await Promise.allSettled(
      [0, 1].map(() => createStaff(admin, input({ personalCode: OTHER_CODE, email: 'twice@sotsiaalkindlustusamet.ee' }), ctx)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await counts()).staff).toBe(before.staff + 1);
  });

  it('updates with optimistic locking, and a stale edit is refused', async () => {
    const [person] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, '49403136515'));
    const version = person!.updatedAt.toISOString();
    await updateStaff(admin, { ...input({ title: 'Peaspetsialist', titleEn: 'Chief Specialist' }), id: person!.id, version }, ctx);
    await expect(updateStaff(admin, { ...input({ title: 'Vahepealne' }), id: person!.id, version }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    const [after] = await db.handle().db.select().from(staff).where(eq(staff.id, person!.id));
    expect(after!.title).toBe('Peaspetsialist');
    // English documents print the English title under the signature.
    expect(after!.titleEn).toBe('Chief Specialist');
    await expect(updateStaff(admin, { ...input(), managerId: person!.id, id: person!.id, version: after!.updatedAt.toISOString() }, ctx)).rejects.toMatchObject(
      { code: 'errors.selfManager' },
    );
  });

  it('deactivation ends every session of the person; reactivation does not revive them', async () => {
    const [person] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, '49403136515'));
    const tokens = [newSessionToken(), newSessionToken()];
    for (const t of tokens) await createSession(person!.id, t, 3600);
    expect(await findSessionUser(tokens[0]!, { idleSeconds: 600 })).not.toBeNull();
    await setStaffActive(admin, { id: person!.id, active: false }, ctx);
    expect(await db.handle().db.select().from(sessions).where(eq(sessions.staffId, person!.id))).toEqual([]);
    for (const t of tokens) expect(await findSessionUser(t, { idleSeconds: 600 })).toBeNull();
    await setStaffActive(admin, { id: person!.id, active: true }, ctx);
    expect(await findSessionUser(tokens[1]!, { idleSeconds: 600 })).toBeNull();
    const audit = await db.handle().db.select().from(auditLog).where(eq(auditLog.entityId, person!.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['staff.deactivate', 'staff.activate']));
  });

  it('an administrator cannot close their own access', async () => {
    await expect(setStaffActive(admin, { id: admin.id, active: false }, ctx)).rejects.toMatchObject({ code: 'errors.selfDeactivate' });
  });
});
