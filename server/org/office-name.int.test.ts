import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { offices } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { createSession, findSessionUser, newSessionToken } from '@/server/auth/sessions';
import { getIncident, listMyIncidents, queueFilterOptions, reportFormOptions } from '@/server/incidents/queries';
import { reportIncident } from '@/server/incidents/mutations';
import { listStaff, staffFormOptions } from '@/server/staff/queries';
import { teamOverview } from '@/server/workload/overview';
import { setupTestDatabase } from '@/test/db';
import { report } from '@/test/incidents';
import { actorFor, ctx, loadPeople, type People, type TestActor } from '@/test/tasks';

// An office is named in the reader's language wherever the portal shows one: in English mode
// by its English name, or by its Estonian one while it has none.

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let kristi: TestActor; // IT support

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  kristi = await actorFor(d(), '48109102704');
  // An office that has no English name yet.
  await d().insert(offices).values({ code: 'kuressaare', name: 'Kuressaare klienditeenindus', address: 'Tallinna 19, 93819 Kuressaare', regionCode: 'laane' });
}, 180_000);

const label = (options: { value: string; label: string }[], code: string) => options.find((o) => o.value === code)?.label;

describe('office names by the reader’s language', () => {
  it('the incident form, the queue’s filter, the lists and the ticket name an office in English in English mode, in Estonian otherwise', async () => {
    for (const [locale, tallinn] of [
      ['en', 'Tallinn Customer Service Office'],
      ['et', 'Tallinna klienditeenindus'],
    ] as const) {
      const form = await reportFormOptions(people.mari, locale);
      expect(label(form, 'tallinn')).toBe(tallinn);
      expect(label(form, 'kuressaare')).toBe('Kuressaare klienditeenindus'); // no English name: the Estonian one
      expect(label((await queueFilterOptions(kristi, locale)).offices, 'tallinn')).toBe(tallinn);
    }
    const english = (await reportFormOptions(people.mari, 'en')).map((o) => o.label);
    expect(english).toEqual([...english].sort((a, b) => a.localeCompare(b, 'en'))); // in the order of the names shown

    const { number } = await reportIncident(people.mari, report(), [], ctx);
    expect((await listMyIncidents(people.mari, 'en')).find((i) => i.number === number)!.officeName).toBe('Tallinn Customer Service Office');
    expect((await listMyIncidents(people.mari, 'et')).find((i) => i.number === number)!.officeName).toBe('Tallinna klienditeenindus');
    const ticket = await getIncident(people.mari, number, 'en');
    expect(ticket).toMatchObject({ officeName: 'Tallinn Customer Service Office', regionName: 'North' });
  });

  it('the staff directory, the staff form, the team overview and the signed-in person’s profile do too', async () => {
    const admin = people.peeter;
    const mari = (rows: Awaited<ReturnType<typeof listStaff>>) => rows.find((r) => r.id === people.mari.id)!;
    expect(mari(await listStaff(admin, { locale: 'en' }))).toMatchObject({
      officeName: 'Tallinn Customer Service Office',
      unitName: 'Customer Service Department',
    });
    expect(mari(await listStaff(admin, {}))).toMatchObject({ officeName: 'Tallinna klienditeenindus', unitName: 'Klienditeeninduse osakond' });
    const form = await staffFormOptions(admin, 'en');
    expect(label(form.offices, 'tallinn')).toBe('Tallinn Customer Service Office');
    expect(label(form.offices, 'kuressaare')).toBe('Kuressaare klienditeenindus');

    const overview = await teamOverview(people.juri, { periodDays: 30 }, 'en');
    expect(overview.offices).toContainEqual({ value: 'tallinn', label: 'Tallinn Customer Service Office' });
    expect(overview.rows.find((r) => r.id === people.mari.id)!.officeName).toBe('Tallinn Customer Service Office');

    const token = newSessionToken();
    await createSession(people.mari.id, token, 3600);
    expect(await findSessionUser(token, { idleSeconds: 1800 })).toMatchObject({
      officeName: 'Tallinna klienditeenindus',
      namesEn: { office: 'Tallinn Customer Service Office', unit: 'Customer Service Department' },
    });
  });

  it('the data migration gives the demo offices seeded before the column their English names and leaves others empty', async () => {
    await d()
      .update(offices)
      .set({ nameEn: null })
      .where(sql`true`);
    const migration = readFileSync('db/migrations/0032_office_name_en_demo.sql', 'utf8');
    await d().execute(sql.raw(migration));
    const rows = await d().select({ code: offices.code, nameEn: offices.nameEn }).from(offices);
    expect(Object.fromEntries(rows.map((r) => [r.code, r.nameEn]))).toMatchObject({
      tallinn: 'Tallinn Customer Service Office',
      narva: 'Narva Customer Service Office',
      kuressaare: null,
    });
    // An English name an administrator already set is kept.
    await d().update(offices).set({ nameEn: 'Tartu Office' }).where(eq(offices.code, 'tartu'));
    await d().execute(sql.raw(migration));
    expect((await d().select().from(offices).where(eq(offices.code, 'tartu')))[0]!.nameEn).toBe('Tartu Office');
  });
});
