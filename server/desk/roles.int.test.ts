import { describe, expect, it, beforeAll } from 'vitest';
import { seedDemo } from '@/db/seed/seed';
import { formatEuros } from '@/lib/format';
import { setupTestDatabase } from '@/test/db';
import { actorFor, type TestActor } from '@/test/tasks';
import { seedDemoDesk } from './demo-desk';
import { myDesk } from './queries';

// "Mind ootab" is the one list for every role: IT support, finance, managers and
// administrators each find their own work there, identified by what it is.
const db = setupTestDatabase();
const d = () => db.handle().db;
const people = {} as Record<'kristi' | 'helje' | 'juri' | 'peeter' | 'mari' | 'tonu', TestActor>;
const codes = { kristi: '48109102704', helje: '46701202843', juri: '37509182078', peeter: '37906062915', mari: '47805122004', tonu: '36903032213' };

beforeAll(async () => {
  await seedDemo(d());
  for (const [k, code] of Object.entries(codes)) people[k as keyof typeof codes] = await actorFor(d(), code);
  expect(await seedDemoDesk()).toBeGreaterThan(0);
  expect(await seedDemoDesk()).toBe(0); // once
}, 180_000);

const of = async (who: TestActor, kind: string) => (await myDesk(who)).filter((i) => i.kind === kind);

describe('one desk for every role', () => {
  it('IT support sees the IT queue’s untaken incidents by their first words, asset tag and office', async () => {
    const queue = await of(people.kristi, 'incident_queue');
    expect(queue.map((i) => i.title)).toContain('ID-kaardi lugeja ei tunne ühtegi kaarti ära, tuli …');
    const reader = queue.find((i) => i.title.startsWith('ID-kaardi'))!;
    expect(reader.where).toBe('SKA-01234 · Tallinna klienditeenindus, Teenindussaal, laud 3');
    // In English the office has its English name.
    const english = (await myDesk(people.kristi, 'en')).find((i) => i.kind === 'incident_queue' && i.title.startsWith('ID-kaardi'))!;
    expect(english.where).toBe('SKA-01234 · Tallinn Customer Service Office, Teenindussaal, laud 3');
    expect(reader.href).toMatch(/^\/intsidendid\/IT-\d{4}-\d{6}$/);
    expect(queue).toHaveLength(3);
    // A specialist sees the tickets she reported as her own, not the queue.
    expect(await of(people.mari, 'incident_queue')).toEqual([]);
    expect((await of(people.mari, 'incident')).map((i) => i.detail)).toEqual(['reported', 'reported']);
  });

  it('finance sees approved payments waiting for a batch, by amount and recipient', async () => {
    const batch = await of(people.helje, 'payment_batch');
    expect(batch.map((i) => i.title)).toEqual([`${formatEuros(25_000)} · Malle Kask`]);
    expect(await of(people.juri, 'payment_batch')).toEqual([]);
  });

  it('a manager sees the payment to approve and the task done awaiting acceptance', async () => {
    expect((await of(people.juri, 'payment_approval')).map((i) => i.title)).toEqual([`${formatEuros(25_000)} · Ülle-Mai Pärnpuu`]);
    expect((await of(people.juri, 'review')).map((i) => [i.title, i.detail])).toEqual([['Ooteala infotahvli tekstid üle vaadata', 'Tõnu Saar']]);
  });

  it('an administrator sees the dead-lettered messages; nobody else does', async () => {
    const dead = await of(people.peeter, 'outbox_dead');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ href: '/admin/valjuvad', title: 'Uus intsident: võrguühendus katkeb → it-tugi-vana@sotsiaalkindlustusamet.ee' });
    expect(dead[0]!.detail).toContain('Recipient address rejected');
    for (const who of [people.kristi, people.helje, people.juri, people.mari]) expect(await of(who, 'outbox_dead')).toEqual([]);
  });
});
