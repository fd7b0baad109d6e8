import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, outboxMessages, staff, templateTexts, type EmailPayload } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { addDays } from '@/server/calendar/working-days';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { createTasks } from '@/server/tasks/mutations';
import { publishTexts, saveTextsDraft, submitTextsDraft } from '@/server/templates/mutations';
import { setupTestDatabase } from '@/test/db';
import { addSecondAdmin } from '@/test/staff';
import { actorFor, ctx, loadPeople, taskInput, today, type People, type TestActor } from '@/test/tasks';
import { draftVersionNow } from '@/test/versions';
import { initialSources } from '@/templates/shared/texts';
import { textSpecOf } from '@/templates/texts';
import { noticeWords } from './notice-texts';

// The words of notifications are texts an administrator changes like a template's: written,
// submitted, published by another administrator, in force from a date. Here a new wording
// reaches the bell and the e-mail, each e-mail keeps the version it was written with, and
// what the rules refuse is never written.

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let kaja: TestActor; // a second administrator

const CREATED = 'tasks.notices.createdText';
const FOOTER = 'notifications.emailFooter';
const withBlock = (setId: string, key: string, text: { et: string; en: string }) => ({ ...initialSources(textSpecOf(setId)!), [key]: text });

async function publish(setId: string, blocks: ReturnType<typeof withBlock>, effectiveFrom = '', now?: Date) {
  const saved = await saveTextsDraft(people.peeter, { templateId: setId, blocks }, ctx);
  expect(saved).toMatchObject({ saved: true });
  expect(await submitTextsDraft(people.peeter, setId, ctx)).toEqual({ submitted: true });
  const [draft] = await d()
    .select()
    .from(templateTexts)
    .where(and(eq(templateTexts.templateId, setId), eq(templateTexts.status, 'submitted')));
  return publishTexts(
    kaja,
    { templateId: setId, draftId: draft!.id, version: await draftVersionNow(d(), setId), effectiveFrom },
    { ...ctx, ...(now ? { now } : {}) },
  );
}

const lastTaskNotice = async (who: TestActor) => {
  const [bell] = await d()
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, who.id), eq(notifications.kind, 'task.created')))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  const [mail] = await d()
    .select({ payload: outboxMessages.payload })
    .from(outboxMessages)
    .where(sql`${outboxMessages.kind} = 'task.created' and ${outboxMessages.payload}->>'to' = ${who.email}`)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  return { bell: bell!, mail: mail!.payload as EmailPayload };
};

const openDrafts = async () =>
  (
    await d()
      .select()
      .from(templateTexts)
      .where(sql`${templateTexts.status} <> 'published'`)
  ).length;

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  await addSecondAdmin(d(), people.peeter);
  kaja = await actorFor(d(), '48802020209');
}, 180_000);

describe('notification texts an administrator changes', () => {
  it('refuses a placeholder of another event and emphasis, with the line and reason, and writes nothing', async () => {
    const result = await saveTextsDraft(
      people.peeter,
      {
        templateId: 'notice-task',
        blocks: withBlock('notice-task', CREATED, { et: '{manager} andis sulle ülesande.\n\n**Tulemus:** {result}', en: '{manager} gave you a task.' }),
      },
      ctx,
    );
    expect(result).toEqual({
      saved: false,
      problems: [
        { block: CREATED, language: 'et', line: 3, reason: 'notAllowed', detail: '**' },
        { block: CREATED, language: 'et', line: 3, reason: 'unknownPlaceholder', detail: 'result' },
      ],
    });
    expect(await openDrafts()).toBe(0);
  });

  it('only administrators write them, and the author never publishes their own', async () => {
    const blocks = withBlock('notice-task', CREATED, { et: 'x {manager}', en: 'x {manager}' });
    for (const who of [people.mari, people.juri, people.aivar]) {
      await expect(saveTextsDraft(who, { templateId: 'notice-task', blocks }, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await openDrafts()).toBe(0);

    await saveTextsDraft(people.peeter, { templateId: 'notice-task', blocks }, ctx);
    await submitTextsDraft(people.peeter, 'notice-task', ctx);
    const [draft] = await d().select().from(templateTexts).where(eq(templateTexts.templateId, 'notice-task'));
    await expect(
      publishTexts(people.peeter, { templateId: 'notice-task', draftId: draft!.id, version: await draftVersionNow(d(), 'notice-task') }, ctx),
    ).rejects.toBeInstanceOf(DomainError);
    expect((await d().select().from(templateTexts).where(eq(templateTexts.status, 'published'))).length).toBe(0);
    await d().delete(templateTexts).where(eq(templateTexts.id, draft!.id));
  });

  it('a published wording reaches the bell and the e-mail in each language, and the e-mail keeps its version', async () => {
    const before = await createTasks(people.juri, taskInput([people.mari.id]), [], ctx);
    expect(before).toBeDefined();
    const old = await lastTaskNotice(people.mari);
    expect(old.bell.body).toContain('Jüri Õunapuu andis sulle ülesande.');
    expect(old.mail.texts).toEqual({ 'notice-common': 1, 'notice-task': 1 });

    const published = await publish(
      'notice-task',
      withBlock('notice-task', CREATED, {
        et: '{manager} andis sulle ülesande.\nKüsimused: klienditeeninduse infotelefon 612 1360.',
        en: '{manager} gave you a task.\nQuestions: customer service line 612 1360.',
      }),
    );
    expect(published.version).toBe(2);
    await publish(
      'notice-common',
      withBlock('notice-common', FOOTER, { et: 'Töölaud · SKA klienditeenindus, 612 1360', en: 'Töölaud · SKA customer service, 612 1360' }),
    );

    await createTasks(people.juri, taskInput([people.mari.id], { title: 'Uus sõnastus' }), [], ctx);
    const now = await lastTaskNotice(people.mari);
    expect(now.bell.body).toContain('Jüri Õunapuu andis sulle ülesande.\nKüsimused: klienditeeninduse infotelefon 612 1360.');
    expect(now.mail.text).toContain('Küsimused: klienditeeninduse infotelefon 612 1360.');
    expect(now.mail.text).toContain('Töölaud · SKA klienditeenindus, 612 1360');
    expect(now.mail.html).toContain('Jüri Õunapuu andis sulle ülesande.<br>Küsimused: klienditeeninduse infotelefon 612 1360.');
    expect(now.mail.texts).toEqual({ 'notice-common': 2, 'notice-task': 2 });
    // The notice sent before keeps the words it was sent with.
    expect((await d().select().from(notifications).where(eq(notifications.id, old.bell.id)))[0]!.body).not.toContain('612 1360');

    await d().update(staff).set({ language: 'en' }).where(eq(staff.id, people.tonu.id));
    await createTasks(people.juri, taskInput([people.tonu.id], { title: 'New wording' }), [], ctx);
    const english = await lastTaskNotice(people.tonu);
    expect(english.bell.body).toContain('Jüri Õunapuu gave you a task.\nQuestions: customer service line 612 1360.');
    expect(english.mail.text).toContain('Töölaud · SKA customer service, 612 1360');
    await d().update(staff).set({ language: 'et' }).where(eq(staff.id, people.tonu.id));

    const audited = await d()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(sql`${auditLog.entityType} = 'template_texts' and ${auditLog.details}->>'template' = 'notice-task'`);
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['template_texts.save', 'template_texts.submit', 'template_texts.publish']));
  });

  it('a version in force from tomorrow is not used today and is used tomorrow', async () => {
    const now = new Date();
    const tomorrow = addDays(today(), 1);
    const { effectiveFrom } = await publish(
      'notice-task',
      withBlock('notice-task', 'tasks.notices.dueSoonText', { et: 'Tähtaeg on juba {due}!', en: 'The deadline is already {due}!' }),
      tomorrow,
      now,
    );
    const todays = await noticeWords(d(), now);
    expect(todays.versions['notice-task']).toBe(2);
    expect(todays.messages('et').tasks.notices.dueSoonText).toBe('Ülesande tähtaeg on järgmisel tööpäeval, {due}.');
    const tomorrows = await noticeWords(d(), new Date(effectiveFrom.getTime() + 60_000));
    expect(tomorrows.versions['notice-task']).toBe(3);
    expect(tomorrows.messages('et').tasks.notices.dueSoonText).toBe('Tähtaeg on juba {due}!');
    expect(tomorrows.messages('en').tasks.notices.dueSoonText).toBe('The deadline is already {due}!');
  });
});
