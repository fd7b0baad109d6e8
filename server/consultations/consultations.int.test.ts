import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ForbiddenError } from '@/server/auth/policy';
import { setupTestDatabase } from '@/test/db';
import { actorFor, countRows, ctx, loadPeople, type People, type TestActor } from '@/test/tasks';
import { consultationCsv } from './csv';
import { deleteTopic, recordConsultation, saveTopic } from './mutations';
import { allTopics, consultationStats, lookupConsultationClient, myConsultations } from './queries';
import { consultationInput } from '@/test/consultations';

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let helje: TestActor; // finance
let kristi: TestActor; // IT support

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  helje = await actorFor(d(), '46701202843');
  kristi = await actorFor(d(), '48109102704');
});

const input = consultationInput;
const at = (iso: string) => ({ ...ctx, now: new Date(iso) });
const labels = {
  office: 'Esindus',
  topic: 'Teema',
  channel: 'Kanal',
  count: 'Arv',
  noOffice: 'Esinduseta',
  channels: { office: 'Kohapeal', phone: 'Telefon', email: 'E-post', video: 'Videokõne' },
};

describe('consultation log', () => {
  it('counts per topic, channel and office in the manager’s region, the period in Tallinn time', async () => {
    // October 2026 in Tallinn: 1 Oct 00:00 is 30 Sep 21:00 UTC; 1 Nov 00:00 is 31 Oct 22:00 UTC.
    await recordConsultation(people.mari, input(), at('2026-09-30T21:30:00Z')); // 1 Oct 00:30 Tallinn: in
    await recordConsultation(people.mari, input({ channel: 'phone' }), at('2026-10-10T09:00:00Z'));
    await recordConsultation(people.tonu, input({ topicCode: 'family_benefits', channel: 'phone' }), at('2026-10-15T09:00:00Z'));
    await recordConsultation(
      people.eha,
      input({ topicCode: 'international', channel: 'email', outcome: 'referred', referredUnitCode: 'pensionid' }),
      at('2026-10-20T09:00:00Z'),
    );
    await recordConsultation(people.mari, input({ channel: 'video' }), at('2026-10-31T22:30:00Z')); // 1 Nov 00:30 Tallinn: out
    await recordConsultation(people.mari, input(), at('2026-09-30T20:30:00Z')); // 30 Sep 23:30 Tallinn: out
    await recordConsultation(people.andres, input({ topicCode: 'funeral_benefit' }), at('2026-10-12T09:00:00Z')); // Lõuna region

    const stats = await consultationStats(people.juri, { from: '2026-10-01', to: '2026-10-31' });
    expect(stats.total).toBe(4);
    expect(Object.fromEntries(stats.byTopic.map((r) => [r.key, r.count]))).toEqual({ old_age_pension: 2, family_benefits: 1, international: 1 });
    expect(stats.byTopic.map((r) => r.label)).toEqual(['Vanaduspension', 'Peretoetused', 'Rahvusvaheline ja EL-i sotsiaalkindlustus']);
    expect(Object.fromEntries(stats.byChannel.map((r) => [r.key, r.count]))).toEqual({ office: 1, phone: 2, email: 1, video: 0 });
    expect(stats.byOffice).toEqual([{ key: 'tallinn', label: 'Tallinna klienditeenindus', count: 4 }]);
    // In English the office by its English name, in the same groups.
    const english = await consultationStats(people.juri, { from: '2026-10-01', to: '2026-10-31' }, 'en');
    expect(english.byOffice).toEqual([{ key: 'tallinn', label: 'Tallinn Customer Service Office', count: 4 }]);
    expect(english.cells.filter((c) => c.officeName === 'Tallinn Customer Service Office')).toHaveLength(stats.cells.length);

    // Another region's manager sees their own region only.
    const south = await consultationStats(people.ulle, { from: '2026-10-01', to: '2026-10-31' });
    expect(south.total).toBe(1);
    expect(south.byOffice).toEqual([{ key: 'tartu', label: 'Tartu klienditeenindus', count: 1 }]);
    expect((await consultationStats(people.juri, { from: '2026-11-01', to: '2026-11-30' })).total).toBe(1);

    const csv = consultationCsv(stats, labels);
    expect(csv.startsWith('\uFEFFEsindus;Teema;Kanal;Arv\r\n')).toBe(true);
    expect(csv).toContain('Tallinna klienditeenindus;Vanaduspension;Kohapeal;1\r\n');
    expect(csv).toContain('Tallinna klienditeenindus;Vanaduspension;Telefon;1\r\n');
    expect(csv).toContain('Tallinna klienditeenindus;Rahvusvaheline ja EL-i sotsiaalkindlustus;E-post;1\r\n');
    expect(csv.trim().split('\r\n')).toHaveLength(5);
  });

  it('writes formula-like topic names safely into the CSV', async () => {
    const { code } = await saveTopic(people.peeter, { code: '', nameEt: '=HYPERLINK("x")', nameEn: '=HYPERLINK', isActive: true }, ctx);
    await recordConsultation(people.mari, input({ topicCode: code }), at('2026-08-05T09:00:00Z'));
    const csv = consultationCsv(await consultationStats(people.juri, { from: '2026-08-01', to: '2026-08-31' }), labels);
    expect(csv).toContain(`Tallinna klienditeenindus;"'=HYPERLINK(""x"")";Kohapeal;1`);
  });

  it('keeps a double-submitted form once, and shows each specialist their own', async () => {
    const form = input({ topicCode: 'pension_insurance_register' });
    const first = await recordConsultation(people.katlin, form, ctx);
    const again = await recordConsultation(people.katlin, form, ctx);
    expect(again.id).toBe(first.id);
    expect(await countRows(d(), 'consultations', sql`submission_id = ${form.submissionId}`)).toBe(1);
    expect((await myConsultations(people.katlin)).map((c) => c.id)).toEqual([first.id]);
    expect((await myConsultations(people.jaak)).map((c) => c.id)).toEqual([]);
  });

  it('audits a consultation about a named client and the look-up of the client’s name', async () => {
    const { id } = await recordConsultation(people.mari, input({ clientCode: '60001019906' }), ctx);
    const [row] = await d().select().from(consultations).where(eq(consultations.id, id));
    expect(row).toMatchObject({ clientCode: '60001019906', officeCode: 'tallinn', regionCode: 'pohja' });
    expect(await countRows(d(), 'audit_log', sql`action = 'consultation.record' and entity_id = ${id} and subject_code = '60001019906'`)).toBe(1);
    expect(await lookupConsultationClient(people.mari, '60001019906', ctx)).toEqual({ givenName: 'Mary Änn', familyName: 'O’Connež-Šuslik' });
    expect(await countRows(d(), 'audit_log', sql`action = 'client.lookup' and subject_code = '60001019906' and purpose = 'nõustamine'`)).toBe(1);
    await expect(recordConsultation(people.mari, input({ clientCode: '60001019907' }), ctx)).rejects.toThrow();
  });

  it('lets the administrator add, rename and pause topics, and delete only unused ones', async () => {
    const { code } = await saveTopic(people.peeter, { code: '', nameEt: 'Toetuse maksmine', nameEn: 'Benefit payment', isActive: true }, ctx);
    expect(code).toBe('benefit_payment');
    await saveTopic(people.peeter, { code, nameEt: 'Toetuste maksmine', nameEn: 'Benefit payments', isActive: true }, ctx);
    await recordConsultation(people.mari, input({ topicCode: code }), ctx);
    await expect(deleteTopic(people.peeter, { code }, ctx)).rejects.toMatchObject({ code: 'errors.topicInUse' });
    await saveTopic(people.peeter, { code, nameEt: 'Toetuste maksmine', nameEn: 'Benefit payments', isActive: false }, ctx);
    await expect(recordConsultation(people.mari, input({ topicCode: code }), ctx)).rejects.toMatchObject({ code: 'errors.unknownTopic', field: 'topicCode' });
    expect((await allTopics(people.peeter)).find((t) => t.code === code)).toMatchObject({ nameEt: 'Toetuste maksmine', isActive: false, uses: 1 });
    const unused = await saveTopic(people.peeter, { code: '', nameEt: 'Ajutine', nameEn: 'Benefit payment', isActive: true }, ctx);
    expect(unused.code).toBe('benefit_payment_2');
    await deleteTopic(people.peeter, { code: unused.code }, ctx);
    expect((await allTopics(people.peeter)).map((t) => t.code)).not.toContain(unused.code);
  });

  it('refuses the roles that must not act, and writes nothing', async () => {
    const before = { consultations: await countRows(d(), 'consultations'), topics: await countRows(d(), 'consultation_topics') };
    for (const who of [helje, kristi, people.peeter]) await expect(recordConsultation(who, input(), ctx)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [people.mari, helje, kristi, people.peeter])
      await expect(consultationStats(who, { from: '2026-10-01', to: '2026-10-31' })).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [people.mari, people.juri, helje]) {
      await expect(saveTopic(who, { code: '', nameEt: 'Uus', nameEn: 'New', isActive: true }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteTopic(who, { code: 'other' }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect({ consultations: await countRows(d(), 'consultations'), topics: await countRows(d(), 'consultation_topics') }).toEqual(before);
  });
});
