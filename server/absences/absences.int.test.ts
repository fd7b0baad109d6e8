import { instantToTallinnLocal } from '@/lib/tallinn-time';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { absences, notifications } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { reportIncident } from '@/server/incidents/mutations';
import { ForbiddenError } from '@/server/auth/policy';
import { addDays } from '@/server/calendar/working-days';
import { regionalManager } from '@/server/org/people';
import { effectiveAssignee, heldFor } from '@/server/org/substitution';
import { setupTestDatabase } from '@/test/db';
import { report } from '@/test/incidents';
import { clearAbsences, countRows, ctx, loadPeople, today, type People } from '@/test/tasks';
import { cancelAbsence, saveAbsence } from './mutations';
import { listMySubstitutions, listTeamAbsences, substitutingNow } from './queries';
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

const absence = (overrides: Partial<Parameters<typeof saveAbsence>[1]> = {}) => ({
  staffId: '',
  kind: 'vacation' as const,
  startsOn: today(),
  endsOn: addDays(today(), 4),
  substituteId: '',
  note: '',
  ...overrides,
});

describe('recording an absence', () => {
  it('a specialist records their own, the substitute is told and holds the work; the header names whom they substitute', async () => {
    await saveAbsence(people.mari, absence({ substituteId: people.tonu.id }), ctx);
    expect(await heldFor(d(), people.tonu.id)).toEqual([people.mari.id]);
    expect(await substitutingNow(people.tonu)).toEqual(['Mari Tamm']);
    expect((await listMySubstitutions(people.tonu)).map((a) => a.name)).toEqual(['Mari Tamm']);
    const [notice] = await d().select().from(notifications).where(eq(notifications.recipientId, people.tonu.id));
    expect(notice!.subject).toMatch(/^Oled asendaja: Mari Tamm on eemal/);
  });

  it('refuses a substitute chain that would come back round, with the names in the message, and saves nothing', async () => {
    await saveAbsence(people.mari, absence({ substituteId: people.tonu.id }), ctx);
    await saveAbsence(people.tonu, absence({ startsOn: addDays(today(), 2), endsOn: addDays(today(), 10), substituteId: people.jaak.id }), ctx);
    const before = await countRows(d(), 'absences');
    // Jaak away from the 3rd day, substituted by Mari: Mari → Tõnu → Jaak → Mari on the 3rd and 4th day.
    await expect(
      saveAbsence(people.jaak, absence({ startsOn: addDays(today(), 3), endsOn: addDays(today(), 20), substituteId: people.mari.id }), ctx),
    ).rejects.toMatchObject({
      code: 'errors.absenceCycle',
      field: 'substituteId',
      params: { chain: 'Jaak-Kristjan Jõeorg → Mari Tamm → Tõnu Saar → Jaak-Kristjan Jõeorg' },
    });
    expect(await countRows(d(), 'absences')).toBe(before);
    // After Mari is back (from the 5th day) the same substitute is fine.
    await saveAbsence(people.jaak, absence({ startsOn: addDays(today(), 5), endsOn: addDays(today(), 20), substituteId: people.mari.id }), ctx);
  });

  it('refuses overlapping absences of one person and a substitute who is the person', async () => {
    await saveAbsence(people.mari, absence(), ctx);
    await expect(saveAbsence(people.mari, absence({ startsOn: addDays(today(), 4), endsOn: addDays(today(), 8) }), ctx)).rejects.toMatchObject({
      code: 'errors.absenceOverlap',
    });
    await expect(saveAbsence(people.tonu, absence({ substituteId: people.tonu.id }), ctx)).rejects.toMatchObject({ code: 'errors.absenceSubstitute' });
  });

  it('a manager records for their team, not for another region; a specialist not for a colleague', async () => {
    await saveAbsence(people.juri, absence({ staffId: people.katlin.id, kind: 'sick_leave', substituteId: people.jaak.id }), ctx);
    expect((await listTeamAbsences(people.juri)).map((a) => a.name)).toContain('Kätlin Mägi');
    expect((await listTeamAbsences(people.ulle)).map((a) => a.name)).not.toContain('Kätlin Mägi');
    await expect(saveAbsence(people.ulle, absence({ staffId: people.mari.id }), ctx)).rejects.toMatchObject({ code: 'errors.absenceOutsideTeam' });
    await expect(saveAbsence(people.tonu, absence({ staffId: people.mari.id }), ctx)).rejects.toBeInstanceOf(ForbiddenError);
    // An administrator for anyone.
    await saveAbsence(people.peeter, absence({ staffId: people.andres.id, substituteId: people.ulle.id }), ctx);
  });

  it('cancelling ends the substitution at once; only the person, their manager or an administrator may', async () => {
    const { id } = await saveAbsence(people.mari, absence({ substituteId: people.tonu.id }), ctx);
    await expect(cancelAbsence(people.tonu, { id }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelAbsence(people.ulle, { id }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    await cancelAbsence(people.juri, { id }, ctx);
    const [row] = await d().select().from(absences).where(eq(absences.id, id));
    expect(row!.cancelledBy).toBe(people.juri.id);
    expect((await effectiveAssignee(d(), people.mari.id)).assigneeId).toBe(people.mari.id);
    expect(await countRows(d(), 'audit_log', sql`action = 'absence.cancel' and entity_id = ${id}`)).toBe(1);
  });
});

describe('the regional manager follows the substitute', () => {
  it('an incident goes to the manager’s substitute while the manager is away, and to the manager again after', async () => {
    expect((await regionalManager(d(), 'pohja'))!.name).toBe('Jüri Õunapuu');
    await saveAbsence(people.juri, absence({ substituteId: people.ulle.id, kind: 'training' }), ctx);
    expect((await regionalManager(d(), 'pohja'))!.name).toBe('Ülle Kask');
    const during = await reportIncident({ ...people.mari }, report({ category: 'heating_cooling', assetTag: '', serviceBlocked: 'no' }), [], ctx);
    expect(during.informed).toEqual([{ name: 'Ülle Kask', why: 'queue' }]);
    // The day after the absence ends, at midnight Tallinn time, it is Jüri again.
    expect((await regionalManager(d(), 'pohja', new Date(`${addDays(today(), 5)}T00:00:00+02:00`)))!.name).toBe('Jüri Õunapuu');
  });
});

describe('the substitute holds the absent person’s restricted documents', () => {
  it('a substitute from another unit sees, lists and works them during the absence only', async () => {
    const { registerDocument } = await import('@/server/register/register-document');
    const { setDocumentStatus } = await import('@/server/register/forward');
    const { getDocumentCard } = await import('@/server/register/document-card');
    const { searchDocuments } = await import('@/server/register/search');
    const { myDesk } = await import('@/server/desk/queries');
    // A restricted pension application on Eha's desk (pensions unit); Mari is customer service.
    const { id, number } = await registerDocument(
      people.mari,
      registrationInput({
        typeCode: 'pension_application',
        // A minute ago: a fixed hour of today may still be ahead (the register refuses a future receipt).
        receivedAt: instantToTallinnLocal(new Date(Date.now() - 60_000)),
        clientFamilyName: 'Šuslik',
        identityDocumentType: 'id_card',
        title: 'Vanaduspensioni taotlus',
        pages: '1',
        isRestricted: true,
        restrictionGroundCode: 'avts-35-1-12',
        unitCode: 'pensionid',
        assigneeId: people.eha.id,
      }),
      [],
      ctx,
    );
    // Mari registered it: she keeps what the front desk needs (its entry, title and status), not its files or history.
    expect(await getDocumentCard(people.mari, id, ctx)).toMatchObject({ access: 'frontDesk', attachments: [], events: [] });
    expect((await searchDocuments(people.mari, { number })).rows).toEqual([expect.objectContaining({ number, contentsHidden: false })]);

    const { id: absenceId } = await saveAbsence(people.eha, absence({ substituteId: people.mari.id }), ctx);
    expect(await getDocumentCard(people.mari, id, ctx)).toMatchObject({ access: 'contents' });
    expect((await searchDocuments(people.mari, { view: 'mine' })).rows.map((r) => r.number)).toContain(number);
    expect((await myDesk(people.mari)).map((item) => item.title)).toContain('Vanaduspensioni taotlus');
    await setDocumentStatus(people.mari, { documentId: id, version: await cardVersion(id), status: 'in_progress' }, ctx);

    // The absence ends: the document is Eha's alone again, and Mari cannot reach it.
    await cancelAbsence(people.eha, { id: absenceId }, ctx);
    expect(await getDocumentCard(people.mari, id, ctx)).toMatchObject({ access: 'frontDesk', events: [] });
    await expect(setDocumentStatus(people.mari, { documentId: id, version: await cardVersion(id), status: 'closed' }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
  });
});
