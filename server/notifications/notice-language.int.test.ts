import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outboxMessages, staff, type EmailPayload } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { saveAbsence } from '@/server/absences/mutations';
import { addDays } from '@/server/calendar/working-days';
import { changeIncidentStatus, commentIncident, reportIncident, takeIncident } from '@/server/incidents/mutations';
import { preparePayment, resubmitPayment, returnPayment } from '@/server/payments/mutations';
import { answerProposal, submitProposal } from '@/server/proposals/mutations';
import { registerBroughtIn } from '@/server/register/brought-in';
import { requestMissingDocuments } from '@/server/register/missing-documents';
import { registerDocument } from '@/server/register/register-document';
import { cancelTask, commentTask, completeTask, createTasks } from '@/server/tasks/mutations';
import { sendTaskReminders } from '@/server/tasks/reminders';
import { setupTestDatabase } from '@/test/db';
import { report } from '@/test/incidents';
import { paymentForm } from '@/test/payments';
import { pensionApplicationInput, registerActorFor, scanPdf } from '@/test/register';
import { actorFor, clearAbsences, ctx, loadPeople, taskInput, today, type People, type TestActor } from '@/test/tasks';
import { versionNow } from '@/test/versions';

// Every notice reaches each person in their own language (Teavituste seaded → language), in
// the bell and in the e-mail alike, and a team mailbox in Estonian: here for each kind whose
// words were once Estonian for everyone.

const db = setupTestDatabase();
const d = () => db.handle().db;
let people: People;
let kristi: TestActor; // IT support

const speaks = async (who: { id: string }, language: Locale) => {
  await d().update(staff).set({ language }).where(eq(staff.id, who.id));
};

/** The newest in-app notice of a kind to a person about a link, and the e-mail that went with it. */
const told = async (who: TestActor, kind: string, link: string) => {
  const [bell] = await d()
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, who.id), eq(notifications.kind, kind), eq(notifications.link, link)))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  const mail = await mailTo(who.email, kind, link);
  expect(bell, `${kind} in ${who.name}'s bell`).toBeDefined();
  expect(mail, `${kind} e-mail to ${who.name}`).toBeDefined();
  // The e-mail says what the bell says.
  expect(mail!.subject).toBe(bell!.subject);
  expect(mail!.text).toContain(bell!.body);
  return { subject: bell!.subject, body: bell!.body, mail: mail! };
};
const mailTo = async (email: string, kind: string, link: string) => {
  const [row] = await d()
    .select({ payload: outboxMessages.payload })
    .from(outboxMessages)
    .where(sql`${outboxMessages.kind} = ${kind} and ${outboxMessages.payload}->>'to' = ${email} and ${outboxMessages.payload}->>'text' like ${`%${link}%`}`)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  return row?.payload as EmailPayload | undefined;
};
const english = (n: { mail: EmailPayload }) => expect(n.mail.text).toContain('Open in Töölaud');
const estonian = (n: { mail: EmailPayload }) => expect(n.mail.text).toContain('Ava Töölaual');

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
  kristi = await actorFor(d(), '48109102704');
}, 180_000);
afterEach(async () => {
  await clearAbsences(d());
  await d()
    .update(staff)
    .set({ language: 'et' })
    .where(sql`${staff.language} <> 'et'`);
});

describe('incident notices in the recipient’s language', () => {
  it('a report reaches the regional manager in English, the head of IT in Estonian and the IT mailbox in Estonian, each naming the office in their language', async () => {
    await speaks(people.juri, 'en');
    const { number } = await reportIncident(people.mari, report({ serviceBlocked: 'yes', peopleAffected: 8 }), [], ctx);
    const link = `/intsidendid/${number}`;

    const juri = await told(people.juri, 'incident.created', link);
    expect(juri.subject).toBe(`New incident ${number}: ID-card reader (critical), Tallinn Customer Service Office`);
    expect(juri.body).toContain(`Mari Tamm (Tallinn Customer Service Office) reported incident ${number}.`);
    expect(juri.body).toContain('Priority: critical (client service blocked: yes, affects 8 people, urgency: now)');
    expect(juri.body).toContain('Queue: IT support');
    english(juri);

    const aivar = await told(people.aivar, 'incident.created', link);
    expect(aivar.subject).toBe(`Uus intsident ${number}: ID-kaardi lugeja (kriitiline), Tallinna klienditeenindus`);
    expect(aivar.body).toContain(`Mari Tamm (Tallinna klienditeenindus) teatas intsidendist ${number}.`);
    estonian(aivar);

    const mailbox = await mailTo('it-tugi@sotsiaalkindlustusamet.ee', 'incident.created', link);
    expect(mailbox!.subject).toBe(aivar.subject);
  });

  it('the reporter hears of a question, a comment and the resolution in their language, and IT support of the reporter’s reply in theirs', async () => {
    await speaks(people.mari, 'en');
    const { id, number } = await reportIncident(people.mari, report({ category: 'printer', serviceBlocked: 'no' }), [], ctx);
    const link = `/intsidendid/${number}`;
    await takeIncident(kristi, { id, version: await versionNow(d(), 'incidents', id) }, ctx);
    await changeIncidentStatus(
      kristi,
      { id, version: await versionNow(d(), 'incidents', id), status: 'waiting_reporter', note: 'Mis on printeri inventarinumber?' },
      ctx,
    );
    const waiting = await told(people.mari, 'incident.updated', link);
    expect(waiting.subject).toBe(`Incident ${number} awaits your reply`);
    expect(waiting.body).toBe(`Incident ${number} awaits your reply.\n\nNote:\nMis on printeri inventarinumber?`);
    english(waiting);

    await commentIncident(people.mari, { id, body: 'SKA-04411', visibility: 'public' }, ctx);
    const reply = await told(kristi, 'incident.reply', link);
    expect(reply.subject).toBe(`Teataja vastas intsidendis ${number}`);
    estonian(reply);

    await commentIncident(kristi, { id, body: 'Toner on tellitud.', visibility: 'public' }, ctx);
    expect((await told(people.mari, 'incident.updated', link)).subject).toBe(`New comment on incident ${number}`);

    await changeIncidentStatus(kristi, { id, version: await versionNow(d(), 'incidents', id), status: 'resolved', note: 'Toner vahetatud.' }, ctx);
    const resolved = await told(people.mari, 'incident.updated', link);
    expect(resolved.subject).toBe(`Incident ${number} is resolved`);
    expect(resolved.body).toContain('Resolution:\nToner vahetatud.');

    // The same in Estonian for a reporter who reads Estonian.
    const other = await reportIncident(people.tonu, report({ category: 'printer', serviceBlocked: 'no' }), [], ctx);
    await changeIncidentStatus(
      kristi,
      { id: other.id, version: await versionNow(d(), 'incidents', other.id), status: 'resolved', note: 'Toner vahetatud.' },
      ctx,
    );
    const tonu = await told(people.tonu, 'incident.updated', `/intsidendid/${other.number}`);
    expect(tonu.subject).toBe(`Intsident ${other.number} on lahendatud`);
    expect(tonu.body).toContain('Lahendus:\nToner vahetatud.');
    estonian(tonu);
  });
});

describe('proposals, substitution, tasks, payments and documents brought in', () => {
  it('a proposal reaches the manager and its answer the author, each in their language', async () => {
    await speaks(people.mari, 'en');
    const { id } = await submitProposal(people.mari, { title: 'Järjekorrasüsteem', description: 'Lisame ooteajale numbri.' }, [], ctx);
    const link = `/ettepanekud/${id}`;
    const juri = await told(people.juri, 'proposal.submitted', link);
    expect(juri.subject).toBe('Uus parendusettepanek: Järjekorrasüsteem');
    estonian(juri);
    await answerProposal(people.juri, { id, version: await versionNow(d(), 'proposals', id), status: 'accepted', answer: '' }, ctx);
    const mari = await told(people.mari, 'proposal.answered', link);
    expect(mari.subject).toBe('Your proposal “Järjekorrasüsteem”: accepted');
    english(mari);

    await speaks(people.juri, 'en');
    const second = await submitProposal(people.tonu, { title: 'Kohvimasin', description: 'Ooteruumi.' }, [], ctx);
    const toJuri = await told(people.juri, 'proposal.submitted', `/ettepanekud/${second.id}`);
    expect(toJuri.subject).toBe('New improvement proposal: Kohvimasin');
    expect(toJuri.body).toBe(`${people.tonu.name} made an improvement proposal.\n\nOoteruumi.`);
    english(toJuri);
  });

  it('the substitute learns of an absence in their language', async () => {
    await speaks(people.tonu, 'en');
    const range = { startsOn: addDays(today(), 1), endsOn: addDays(today(), 5) };
    await saveAbsence(people.mari, { staffId: '', kind: 'vacation', ...range, substituteId: people.tonu.id, note: '' }, ctx);
    const tonu = await told(people.tonu, 'absence.substitute', '/puudumised');
    const dates = `${formatDate(range.startsOn)}–${formatDate(range.endsOn)}`;
    expect(tonu.subject).toBe(`You are the substitute: Mari Tamm is away ${dates}`);
    expect(tonu.body).toBe(`Mari Tamm is away (vacation) ${dates} and you are the substitute.`);
    english(tonu);

    await saveAbsence(people.katlin, { staffId: '', kind: 'training', ...range, substituteId: people.jaak.id, note: '' }, ctx);
    const jaak = await told(people.jaak, 'absence.substitute', '/puudumised');
    expect(jaak.subject).toBe(`Oled asendaja: ${people.katlin.name} on eemal ${dates}`);
    expect(jaak.body).toContain('(koolitus)');
    estonian(jaak);
  });

  it('a task’s question, completion, cancellation and reminders reach each side in their language', async () => {
    await speaks(people.juri, 'en');
    const given = await createTasks(people.juri, taskInput([people.mari.id], { title: 'Voldikud' }), [], ctx);
    const id = given.tasks[0]!.id;
    const link = `/ulesanded/${id}`;
    await commentTask(people.mari, { id, kind: 'question', body: 'Kas ka vene keeles?' }, ctx);
    const question = await told(people.juri, 'task.question', link);
    expect(question.subject).toBe('Question about the task: Voldikud');
    english(question);
    await completeTask(people.mari, { id, result: 'Tehtud.' }, ctx);
    const done = await told(people.juri, 'task.done', link);
    expect(done.body).toBe('Mari Tamm marked the task done.\n\nResult:\nTehtud.');

    const other = (await createTasks(people.juri, taskInput([people.mari.id], { title: 'Riiulid' }), [], ctx)).tasks[0]!.id;
    await cancelTask(people.juri, { id: other, version: await versionNow(d(), 'tasks', other), reason: '' }, ctx);
    const cancelled = await told(people.mari, 'task.cancelled', `/ulesanded/${other}`);
    expect(cancelled.subject).toBe('Ülesanne tühistati: Riiulid');
    estonian(cancelled);

    // Due Monday 28 December 2026: "due soon" on Wednesday the 23rd, "overdue" on the 29th to
    // the assignee (English) and the manager (Estonian).
    await speaks(people.juri, 'et');
    await speaks(people.mari, 'en');
    const late = (
      await createTasks(people.juri, taskInput([people.mari.id], { title: 'Aastalõpp', dueDate: '2026-12-28' }), [], {
        ...ctx,
        now: new Date('2026-12-15T08:00:00Z'),
      })
    ).tasks[0]!.id;
    const lateLink = `/ulesanded/${late}`;
    await sendTaskReminders({ db: d(), now: new Date('2026-12-23T07:00:00Z') });
    expect((await told(people.mari, 'task.due_soon', lateLink)).subject).toBe('Reminder: the task “Aastalõpp” is due 28.12.2026');
    await sendTaskReminders({ db: d(), now: new Date('2026-12-29T07:00:00Z') });
    expect((await told(people.mari, 'task.overdue', lateLink)).subject).toBe('The task “Aastalõpp” is overdue');
    expect((await told(people.juri, 'task.overdue', lateLink)).subject).toBe('Ülesande „Aastalõpp“ tähtaeg on ületatud');
  });

  it('a payment to approve and its correction reach the manager in their language, with the benefit’s English name', async () => {
    await speaks(people.juri, 'en');
    const { id } = await preparePayment(people.mari, paymentForm(), ctx);
    const link = `/maksed/${id}`;
    const prepared = await told(people.juri, 'payment.prepared', link);
    expect(prepared.subject).toBe('A payment awaits approval: Funeral benefit, Toomas Jõesaar');
    expect(prepared.body).toBe('Mari Tamm prepared a benefit payment that awaits your approval.');
    english(prepared);
    await returnPayment(people.juri, { paymentId: id, version: await versionNow(d(), 'benefit_payments', id), reason: 'Summa ei vasta otsusele.' }, ctx);
    expect((await told(people.mari, 'payment.returned', link)).subject).toBe('Makse tagastati parandamiseks: Matusetoetus, Toomas Jõesaar');
    const { submissionId: _unused, ...fields } = paymentForm({ amount: '260,00' });
    await resubmitPayment(people.mari, { ...fields, paymentId: id }, ctx);
    const resubmitted = await told(people.juri, 'payment.resubmitted', link);
    expect(resubmitted.subject).toBe('A corrected payment awaits approval: Funeral benefit, Toomas Jõesaar');
  });

  it('what the client brings in reaches the assignee in their language', async () => {
    const eha = await registerActorFor(d(), '48710242983');
    const andres = await registerActorFor(d(), '38207302355');
    const ehaPerson = await actorFor(d(), '48710242983');
    await speaks(eha, 'en');
    const { id, number } = await registerDocument(eha, pensionApplicationInput({ assigneeId: eha.id, submissionId: randomUUID() }), [], ctx);
    await requestMissingDocuments(
      eha,
      { documentId: id, version: await versionNow(d(), 'documents', id), items: 'Tööraamatu koopia', clientDeadline: '2099-01-15', note: '' },
      ctx,
    );
    const brought = await registerBroughtIn(andres, { documentId: id, title: 'Tööraamatu koopia', submissionId: randomUUID() }, [scanPdf('tööraamat')], ctx);
    const notice = await told(ehaPerson, 'document.brought_in', `/dokumendid/${id}`);
    expect(notice.subject).toBe(`The client brought documents into ${number}`);
    expect(notice.body).toBe(
      `${people.andres.name} registered the documents the client brought as ${brought.number} into matter ${number}. The deadline resumes: ${formatDate(brought.dueDate!)}.`,
    );
    english(notice);
  });
});
