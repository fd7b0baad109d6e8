import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentEvents, documents, staff, tasks } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import { instantToTallinnLocal } from '@/lib/tallinn-time';
import { ForbiddenError } from '@/server/auth/policy';
import { addDays } from '@/server/calendar/working-days';
import { myDesk } from '@/server/desk/queries';
import { forwardDocument } from '@/server/register/forward';
import { registerDocument } from '@/server/register/register-document';
import { searchDocuments } from '@/server/register/search';
import { completeTask, createTasks } from '@/server/tasks/mutations';
import { listGivenTasks } from '@/server/tasks/queries';
import { setupTestDatabase } from '@/test/db';
import { away, clearAbsences, ctx, loadPeople, taskInput, today, type People } from '@/test/tasks';
import { listDistribution, setAutoAssign } from './config';
import { teamOverview } from './overview';
import { registrationInput } from '@/test/register';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
const d = () => db.handle().db;
/** The version the document's card shows now (lib/record-version.ts). */
const cardVersion = (id: string) => versionNow(d(), 'documents', id);
let people: People;

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
});
afterEach(() => clearAbsences(d()));

const form = (overrides: Partial<RegisterDocumentInput> = {}) =>
  registrationInput({
    typeCode: 'pension_application',
    receivedAt: instantToTallinnLocal(new Date(Date.now() - 3_600_000)),
    title: 'Vanaduspensioni taotlus',
    unitCode: 'pensionid',
    ...overrides,
  });

const registered = async (id: string) => {
  const [doc] = await d().select().from(documents).where(eq(documents.id, id));
  const [event] = await d().select().from(documentEvents).where(eq(documentEvents.documentId, id));
  return { doc: doc!, details: event!.details! };
};

describe('fair distribution of new documents', () => {
  it('is off until the unit turns it on: the document stays with the unit', async () => {
    const { id } = await registerDocument(people.mari, form(), [], ctx);
    expect((await registered(id)).doc.assigneeId).toBeNull();
  });

  it('gives each to the present specialist with the fewest open documents, equals in turn, and records why', async () => {
    await setAutoAssign(people.rasmus, { unitCode: 'pensionid', regionCode: 'pohja', typeCode: 'pension_application', enabled: true }, ctx);
    // Pensions: Eha Jõgi and Rasmus Värk (head, also a specialist); neither has open documents.
    const first = await registered((await registerDocument(people.mari, form(), [], ctx)).id);
    expect(first.doc.assigneeId).toBe(people.eha.id);
    expect(first.details.autoAssigned).toBe('Eha Jõgi: kõige vähem avatud dokumente (0); sama palju oli 2 inimesel, valiti järjekorras järgmine');
    const second = await registered((await registerDocument(people.mari, form(), [], ctx)).id);
    expect(second.doc.assigneeId).toBe(people.rasmus.id);
    expect(second.details.autoAssigned).toBe('Rasmus Värk: kõige vähem avatud dokumente (0)');
    // 1 : 1 — after Rasmus it is Eha's turn again.
    const third = await registered((await registerDocument(people.mari, form(), [], ctx)).id);
    expect(third.doc.assigneeId).toBe(people.eha.id);
    // Eha away: Rasmus, and the absence is in the reason.
    await away(d(), people.eha, people.rasmus);
    const fourth = await registered((await registerDocument(people.mari, form(), [], ctx)).id);
    expect(fourth.doc.assigneeId).toBe(people.rasmus.id);
    expect(fourth.details.autoAssigned).toContain('eemal 1');
    expect(fourth.details.autoAssignment).toMatchObject({ absent: [people.eha.id], chosen: people.rasmus.id });
    // Somebody chosen by hand: no distribution.
    const chosen = await registered((await registerDocument(people.mari, form({ assigneeId: people.rasmus.id }), [], ctx)).id);
    expect(chosen.details.autoAssigned).toBeUndefined();
    // Another type of the unit is not distributed.
    const other = await registered((await registerDocument(people.mari, form({ typeCode: 'general_application' }), [], ctx)).id);
    expect(other.doc.assigneeId).toBeNull();
  });

  it('spreads concurrent registrations evenly', async () => {
    await setAutoAssign(people.peeter, { unitCode: 'peretoetused', regionCode: 'pohja', typeCode: 'family_benefit_application', enabled: true }, ctx);
    // The family benefits unit has no specialists in the demo: add two.
    const [a, b] = await d()
      .insert((await import('@/db/schema')).staff)
      .values(
        ['Anu', 'Peeter'].map((given, i) => ({
          personalCode: `4900101${i}${i}${i}${i}`,
          givenName: given,
          familyName: 'Peretoetus',
          email: `${given.toLowerCase()}.peretoetus@sotsiaalkindlustusamet.ee`,
          unitCode: 'peretoetused',
          regionCode: 'pohja',
          roles: ['specialist' as const],
        })),
      )
      .returning({ id: sql<string>`id` });
    await Promise.all(
      Array.from({ length: 6 }, () => registerDocument(people.mari, form({ typeCode: 'family_benefit_application', unitCode: 'peretoetused' }), [], ctx)),
    );
    const rows = await d().select({ assigneeId: documents.assigneeId }).from(documents).where(eq(documents.unitCode, 'peretoetused'));
    expect(rows.filter((r) => r.assigneeId === a!.id)).toHaveLength(3);
    expect(rows.filter((r) => r.assigneeId === b!.id)).toHaveLength(3);
  });

  it('is per unit and region: a regional manager switches their own region only, and a document goes to a specialist of the region where it was registered', async () => {
    const general = { unitCode: 'klienditeenindus', typeCode: 'general_application' };
    const region = async (staffId: string | null) =>
      staffId ? (await d().select({ regionCode: staff.regionCode }).from(staff).where(eq(staff.id, staffId)))[0]!.regionCode : null;
    // Ülle (Lõuna) turns it on for customer service: in Lõuna only. Põhja's is not hers to change.
    await setAutoAssign(people.ulle, { ...general, regionCode: 'louna', enabled: true }, ctx);
    await expect(setAutoAssign(people.ulle, { ...general, regionCode: 'pohja', enabled: true }, ctx)).rejects.toMatchObject({
      code: 'errors.distributionUnit',
    });
    expect((await listDistribution(people.ulle)).map((u) => `${u.code}/${u.regionCode}`)).toEqual(['klienditeenindus/louna']);
    // In English the unit and the region have their English names.
    expect((await listDistribution(people.ulle, 'en'))[0]).toMatchObject({ name: 'Customer Service Department', regionName: 'South' });
    const ofJuri = (await listDistribution(people.juri)).find((u) => u.regionCode === 'pohja')!;
    expect(ofJuri.types.find((t) => t.code === 'general_application')).toMatchObject({ enabled: false });
    // A letter registered in Tallinn stays with the unit: Põhja has not turned it on.
    const tallinn = form({
      ...general,
      party: 'institution',
      clientCode: '',
      clientGivenName: '',
      clientFamilyName: '',
      institutionName: 'Tallinna Linnavalitsus',
    });
    const fromTallinn = await registered((await registerDocument(people.mari, tallinn, [], ctx)).id);
    expect(fromTallinn.doc.assigneeId).toBeNull();
    // Registered in Tartu: to a Lõuna specialist.
    const fromTartu = await registered((await registerDocument(people.andres, { ...tallinn, submissionId: randomUUID() }, [], ctx)).id);
    expect(await region(fromTartu.doc.assigneeId)).toBe('louna');
    expect((fromTartu.details.autoAssignment as { candidates: { id: string }[] }).candidates.map((c) => c.id)).toEqual([people.andres.id]);
    // Jüri turns on Põhja's: Tallinn's letters go to Põhja's specialists only, never to Tartu or Narva.
    await setAutoAssign(people.juri, { ...general, regionCode: 'pohja', enabled: true }, ctx);
    for (let i = 0; i < 4; i++) {
      const doc = await registered((await registerDocument(people.mari, { ...tallinn, submissionId: randomUUID() }, [], ctx)).id);
      expect(await region(doc.doc.assigneeId)).toBe('pohja');
    }
    await setAutoAssign(people.juri, { ...general, regionCode: 'pohja', enabled: false }, ctx);
    await setAutoAssign(people.ulle, { ...general, regionCode: 'louna', enabled: false }, ctx);
  });

  it('a manager configures only their own unit; a specialist not at all; nothing changes on refusal', async () => {
    await expect(
      setAutoAssign(people.juri, { unitCode: 'pensionid', regionCode: 'pohja', typeCode: 'pension_application', enabled: false }, ctx),
    ).rejects.toMatchObject({
      code: 'errors.distributionUnit',
    });
    await expect(
      setAutoAssign(people.mari, { unitCode: 'klienditeenindus', regionCode: 'pohja', typeCode: 'pension_application', enabled: true }, ctx),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listDistribution(people.juri)).map((u) => u.code)).toEqual(['klienditeenindus']);
    const pensions = (await listDistribution(people.peeter)).find((u) => u.code === 'pensionid')!;
    expect(pensions.types.find((t) => t.code === 'pension_application')).toMatchObject({ enabled: true });
  });
});

describe('register documents during an absence', () => {
  it('a document forwarded to someone away goes to their substitute, marked, and is in the substitute’s "mine"', async () => {
    const { id } = await registerDocument(people.mari, form({ unitCode: 'klienditeenindus', typeCode: 'general_application' }), [], ctx);
    await away(d(), people.katlin, people.tonu);
    await forwardDocument(
      people.mari,
      { documentId: id, version: await cardVersion(id), unitCode: 'klienditeenindus', assigneeId: people.katlin.id, note: '' },
      ctx,
    );
    const [doc] = await d().select().from(documents).where(eq(documents.id, id));
    expect(doc).toMatchObject({ assigneeId: people.tonu.id, substituteForId: people.katlin.id });
    const events = await d().select().from(documentEvents).where(eq(documentEvents.documentId, id));
    expect(events.find((e) => e.kind === 'forwarded')!.details).toMatchObject({
      toAssignee: people.tonu.id,
      substituteFor: people.katlin.id,
      substitution: 'asendamine (Kätlin Mägi)',
    });
    expect((await searchDocuments(people.tonu, { view: 'mine' })).rows.map((r) => r.id)).toContain(id);
  });

  it('registered to someone away: their substitute; and the absent person’s own documents show in the substitute’s "mine" and desk', async () => {
    const { id: ownId } = await registerDocument(
      people.mari,
      form({ unitCode: 'klienditeenindus', typeCode: 'general_application', assigneeId: people.jaak.id }),
      [],
      ctx,
    );
    await away(d(), people.jaak, people.mari);
    const { id: newId } = await registerDocument(
      people.tonu,
      form({ unitCode: 'klienditeenindus', typeCode: 'general_application', assigneeId: people.jaak.id }),
      [],
      ctx,
    );
    expect((await registered(newId)).doc).toMatchObject({ assigneeId: people.mari.id, substituteForId: people.jaak.id });
    const mine = (await searchDocuments(people.mari, { view: 'mine' })).rows.map((r) => r.id);
    expect(mine).toEqual(expect.arrayContaining([ownId, newId]));
    const desk = await myDesk(people.mari);
    expect(desk.filter((i) => i.kind === 'document' && [ownId, newId].includes(i.id)).map((i) => i.substitutingFor)).toEqual([
      'Jaak-Kristjan Jõeorg',
      'Jaak-Kristjan Jõeorg',
    ]);
    // Tõnu, who is nobody's substitute, does not get Jaak's.
    expect((await searchDocuments(people.tonu, { view: 'mine' })).rows.map((r) => r.id)).not.toContain(ownId);
  });
});

describe('the manager’s overview', () => {
  it('counts the team’s open, overdue and late work with the same conditions as the lists it links to', async () => {
    const now = Date.now();
    // A task given a week ago, due two days ago and still open: overdue.
    await createTasks(people.juri, taskInput([people.katlin.id], { dueDate: addDays(today(), -2) }), [], { ...ctx, now: new Date(now - 7 * 86_400_000) });
    // Done late: given ten days ago, due five days ago, done now.
    const { tasks: late } = await createTasks(people.juri, taskInput([people.katlin.id], { dueDate: addDays(today(), -5) }), [], {
      ...ctx,
      now: new Date(now - 10 * 86_400_000),
    });
    await completeTask(people.katlin, { id: late[0]!.id, result: 'Hilja, aga tehtud.' }, ctx);
    // Done on time.
    const { tasks: onTime } = await createTasks(people.juri, taskInput([people.katlin.id]), [], ctx);
    await completeTask(people.katlin, { id: onTime[0]!.id, result: 'Tehtud.' }, ctx);
    await away(d(), people.katlin, people.tonu);

    const overview = await teamOverview(people.juri, { periodDays: 30 });
    const katlin = overview.rows.find((r) => r.id === people.katlin.id)!;
    expect(katlin).toMatchObject({ tasksOpen: 1, tasksOverdue: 1, tasksAwaiting: 2, tasksLate: 1, tasksOnTime: 1 });
    for (const [key, state] of [
      ['tasksOpen', 'open'],
      ['tasksOverdue', 'overdue'],
      ['tasksAwaiting', 'awaiting'],
      ['tasksLate', 'late'],
      ['tasksOnTime', 'on_time'],
    ] as const) {
      const list = await listGivenTasks(people.juri, { assigneeId: people.katlin.id, state, since: overview.since });
      expect(list.length, key).toBe(katlin[key]);
    }
    const documentsListed = await searchDocuments(people.juri, { assigneeId: people.mari.id, status: 'open', limit: 500 });
    expect(overview.rows.find((r) => r.id === people.mari.id)!.documentsOpen).toBe(documentsListed.rows.length);
    expect(overview.absent).toEqual([expect.objectContaining({ name: 'Kätlin Mägi', holderName: 'Tõnu Saar' })]);
    // Another region's manager sees none of it; a specialist is refused.
    expect((await teamOverview(people.ulle, { periodDays: 30 })).rows.map((r) => r.id)).not.toContain(people.katlin.id);
    await expect(teamOverview(people.mari, { periodDays: 30 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await d().select().from(tasks).where(eq(tasks.assigneeId, people.andres.id))).toEqual([]);
  });

  it('filters by office', async () => {
    const overview = await teamOverview(people.juri, { periodDays: 7, officeCode: 'tartu' });
    expect(overview.rows).toEqual([]);
    expect(overview.offices.map((o) => o.value)).toContain('tallinn');
  });
});
