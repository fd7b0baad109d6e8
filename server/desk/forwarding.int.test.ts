import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentApplications, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { makePersonalCode } from '@/lib/personal-code';
import { markForwardedToAuthority, registerAssessmentApplication } from '@/server/assessments/mutations';
import { listAssessmentApplications } from '@/server/assessments/queries';
import { addDays } from '@/server/calendar/working-days';
import { application } from '@/test/assessments';
import { setupTestDatabase } from '@/test/db';
import { actorFor, ctx, loadPeople, today, type People, type TestActor } from '@/test/tasks';
import { myDesk } from './queries';

// "Minu töölaud" lists the joint assessment applications still to be sent on to Töötukassa,
// to the people who may mark them sent and who see them in the application list.
const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let assessor: TestActor; // specialist of the assessment unit
let helje: TestActor; // finance
let kristi: TestActor; // IT support

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  const code = makePersonalCode('1990-04-12', 'female', 321);
  await d()
    .insert(staff)
    .values({
      personalCode: code,
      givenName: 'Anu',
      familyName: 'Ekspert',
      email: 'anu.ekspert@example.ee',
      unitCode: 'ekspertiis',
      regionCode: 'pohja',
      roles: ['specialist'],
    });
  assessor = await actorFor(d(), code);
  helje = await actorFor(d(), '46701202843');
  kristi = await actorFor(d(), '48109102704');
});

const forwardings = async (who: TestActor) => (await myDesk(who)).filter((i) => i.kind === 'forwarding');

describe('the desk’s Töötukassa forwardings', () => {
  it('shows the joint applications not yet sent to whoever may send them, by deadline, and no one else', async () => {
    const now = { ...ctx, now: new Date() };
    const joint = () => application({ kind: 'disability_and_work_ability', consentJoint: true, receivedOn: today() });
    const later = await registerAssessmentApplication(people.mari, joint(), [], now);
    const late = await registerAssessmentApplication(people.mari, joint(), [], now);
    const dueToday = await registerAssessmentApplication(people.mari, joint(), [], now);
    const single = await registerAssessmentApplication(people.mari, application({ receivedOn: today() }), [], now);
    const sent = await registerAssessmentApplication(people.mari, joint(), [], now);
    await markForwardedToAuthority(people.mari, { id: sent.id }, now);
    const due = { [late.id]: addDays(today(), -3), [dueToday.id]: today(), [later.id]: addDays(today(), 4) };
    for (const [id, date] of Object.entries(due)) {
      await d().update(assessmentApplications).set({ otherAuthorityDueDate: date }).where(eq(assessmentApplications.id, id));
    }

    // The specialist who took them, the assessment unit and the manager: overdue first, then today's.
    for (const who of [people.mari, assessor, people.juri]) {
      const items = await forwardings(who);
      expect(items.map((i) => i.id)).toEqual([late.id, dueToday.id, later.id]);
      expect(items[0]).toMatchObject({
        reference: late.number,
        href: `/ekspertiisitaotlused/${late.id}`,
        dueDate: addDays(today(), -3),
        daysLeft: -3,
        detail: 'Eesti Töötukassa',
        substitutingFor: null,
      });
      expect(items[0]!.title).toContain('ühistaotlus');
      expect(items[1]).toMatchObject({ daysLeft: 0 });
      expect(items.map((i) => i.id)).not.toContain(single.id);
      expect(items.map((i) => i.id)).not.toContain(sent.id);
      // Never more than the application list shows the person.
      const listed = (await listAssessmentApplications(who)).map((r) => r.id);
      for (const item of items) expect(listed).toContain(item.id);
    }
    // A customer-service colleague who did not take them, another unit's specialist, and the
    // roles that cannot take applications: nothing (and the desk still works for them).
    for (const who of [people.tonu, people.eha, helje, kristi, people.peeter]) expect(await forwardings(who)).toEqual([]);

    // Sent: gone from every desk.
    await markForwardedToAuthority(assessor, { id: late.id }, now);
    expect((await forwardings(people.mari)).map((i) => i.id)).toEqual([dueToday.id, later.id]);
    expect((await forwardings(assessor)).map((i) => i.id)).toEqual([dueToday.id, later.id]);
    expect(await d().$count(assessmentApplications, sql`${assessmentApplications.otherAuthorityForwardedBy} = ${assessor.id}`)).toBe(1);
  });
});
