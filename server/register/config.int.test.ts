import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { documents, documentTypes, extraDaysOff, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ROLES } from '@/lib/roles';
import { ForbiddenError } from '@/server/auth/policy';
import { setupTestDatabase } from '@/test/db';
import { addExtraDayOff, registerConfiguration, removeExtraDayOff, saveDocumentType } from './config';
import { registerDocument } from './register-document';
import { documentTypeChoices, registerOptions } from './form-options';
import { registerReference } from './reference-cache';
import type { RegisterActor } from './visibility';
import { registrationInput } from '@/test/register';

const db = setupTestDatabase();
const ctx = { requestId: 'test' };
let admin: RegisterActor;
let mari: RegisterActor;

beforeAll(async () => {
  await seedDemo(db.handle().db);
  const load = async (code: string) => {
    const [p] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
    return { id: p!.id, personalCode: code, roles: p!.roles, unitCode: p!.unitCode };
  };
  admin = await load('37906062915');
  mari = await load('47805122004');
});

const memorandum = async () => {
  const [t] = await db.handle().db.select().from(documentTypes).where(eq(documentTypes.code, 'memorandum'));
  return {
    code: t!.code,
    nameEt: t!.nameEt,
    nameEn: t!.nameEn,
    direction: t!.direction,
    seriesCode: t!.seriesCode,
    defaultRestricted: t!.defaultRestricted,
    defaultGroundCode: t!.defaultGroundCode ?? '',
    deadlineKind: t!.deadlineKind,
    deadlineDays: String(t!.deadlineDays ?? ''),
    restartAfterMissing: t!.restartAfterMissing,
    defaultUnitCode: t!.defaultUnitCode ?? '',
    isActive: t!.isActive,
  };
};

const registerMemorandum = (now: string) =>
  registerDocument(
    mari,
    registrationInput({
      typeCode: 'memorandum',
      receivedAt: '2026-11-01T10:00',
      party: 'institution',
      clientCode: '',
      clientGivenName: '',
      clientFamilyName: '',
      institutionName: 'MTÜ Eesti Pensionäride Ühendus',
      title: 'Märgukiri',
    }),
    [],
    { requestId: 'test', now: new Date(now) },
  );

describe('register configuration', () => {
  it.each(ROLES.filter((r) => r !== 'admin'))('is refused to %s, and nothing changes', async (role) => {
    const actor = { ...mari, roles: [role] };
    await expect(registerConfiguration(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveDocumentType(actor, { ...(await memorandum()), deadlineDays: '1' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addExtraDayOff(actor, { day: '2026-12-31', reason: 'x' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await memorandum()).deadlineDays).toBe('30');
    expect(await db.handle().db.select().from(extraDaysOff)).toEqual([]);
  });

  it('a new deadline (the bill’s 15 days) applies to the next document, not to those already registered', async () => {
    const before = await registerMemorandum('2026-11-02T09:00:00Z');
    await saveDocumentType(admin, { ...(await memorandum()), deadlineDays: '15' }, ctx);
    const after = await registerMemorandum('2026-11-02T09:00:00Z');
    const due = async (id: string) => (await db.handle().db.select().from(documents).where(eq(documents.id, id)))[0]!.dueDate;
    expect(await due(before.id)).toBe('2026-12-02');
    expect(await due(after.id)).toBe('2026-11-17');
  });

  it('an extra day off moves working-day deadlines', async () => {
    await saveDocumentType(admin, { ...(await memorandum()), deadlineKind: 'working_days', deadlineDays: '1' }, ctx);
    const plain = await registerMemorandum('2026-11-27T09:00:00Z'); // Friday → Monday 30 Nov
    await addExtraDayOff(admin, { day: '2026-11-30', reason: 'Vabariigi Valitsuse korraldus' }, ctx);
    const moved = await registerMemorandum('2026-11-27T09:00:00Z');
    const due = async (id: string) => (await db.handle().db.select().from(documents).where(eq(documents.id, id)))[0]!.dueDate;
    expect(await due(plain.id)).toBe('2026-11-30');
    expect(await due(moved.id)).toBe('2026-12-01');
    await removeExtraDayOff(admin, { day: '2026-11-30' }, ctx);
    expect(await db.handle().db.select().from(extraDaysOff)).toEqual([]);
  });

  it('refuses a deadline kind without days', async () => {
    await expect(saveDocumentType(admin, { ...(await memorandum()), deadlineDays: '' }, ctx)).rejects.toThrow();
  });
});

describe('the register options cached per process', () => {
  it('show a saved document type at once on this instance, and another instance within the time limit', async () => {
    const names = async () => (await registerOptions(mari)).types.map((t) => t.name);
    const before = await names();
    expect(before).toContain((await memorandum()).nameEt);
    // A change that bypasses this process (another instance's save) shows once the cache expires…
    await db.handle().db.update(documentTypes).set({ nameEt: 'Märgukiri (teisest instantsist)' }).where(eq(documentTypes.code, 'memorandum'));
    expect(await names()).toEqual(before);
    expect((await registerReference(db.handle().db, Date.now() + 60_000)).types.map((t) => t.nameEt)).toContain('Märgukiri (teisest instantsist)');
    // …and a save here shows at once.
    await saveDocumentType(admin, { ...(await memorandum()), nameEt: 'Märgukiri' }, ctx);
    expect(await names()).toContain('Märgukiri');
    expect((await documentTypeChoices(mari)).map((t) => t.name)).toContain('Märgukiri');
    expect(await names()).not.toContain('Märgukiri (teisest instantsist)');
  });
});
