import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { notificationPreferences, notifications, outboxMessages, staff, type EmailPayload } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import { forwardDocument } from '@/server/register/forward';
import { registerDocument } from '@/server/register/register-document';
import type { RegisterActor } from '@/server/register/visibility';
import { startSmtpCatcher, type SmtpCatcher } from '@/scripts/smtp-catcher';
import { setupTestDatabase } from '@/test/db';
import { institutionLetterInput } from '@/test/register';
import { sendDigests } from './digest';
import { noticeSettings, saveNoticeSettings } from './preferences';
import { createOutboxWorker } from './worker';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
const d = () => db.handle().db;
/** The version the document's card shows now (lib/record-version.ts). */
const cardVersion = (id: string) => versionNow(d(), 'documents', id);
const ctx = { requestId: 'test' };
let smtp: SmtpCatcher;
let mari: RegisterActor & { email: string }; // customer service, Tallinn
let eha: RegisterActor & { email: string }; // pensions specialist
let rasmus: RegisterActor & { email: string }; // pensions head

const actorFor = async (code: string): Promise<RegisterActor & { email: string }> => {
  const [row] = await d().select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode, email: row!.email };
};

const letter = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput =>
  institutionLetterInput({ title: 'Päring hooldajatoetuse kohta', ...overrides });

const deliver = async () => {
  const worker = createOutboxWorker({
    config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Töölaud <toolaud@sotsiaalkindlustusamet.ee>', backoffBaseMs: 0 },
    log: () => {},
  });
  while ((await worker.runOnce()).claimed > 0);
};
const bell = (who: { id: string }, link: string) =>
  d()
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, who.id), eq(notifications.link, link)));
const mailsTo = async (email: string, like: string) =>
  (
    await d()
      .select({ payload: outboxMessages.payload })
      .from(outboxMessages)
      .where(sql`${outboxMessages.payload}->>'to' = ${email} and ${outboxMessages.payload}->>'subject' like ${'%' + like + '%'}`)
  ).map((r) => r.payload as EmailPayload);

beforeAll(async () => {
  await seedDemo(d());
  smtp = await startSmtpCatcher();
  mari = await actorFor('47805122004');
  eha = await actorFor('48710242983');
  rasmus = await actorFor('39203173055');
}, 180_000);
afterAll(async () => smtp?.close());

describe('a notice on every handover', () => {
  it('forwarding a document to a colleague tells them in the bell and by e-mail who handed over what, with a link', async () => {
    const { id, number } = await registerDocument(mari, letter(), [], ctx);
    await forwardDocument(
      mari,
      { documentId: id, version: await cardVersion(id), unitCode: 'pensionid', assigneeId: eha.id, note: 'Palun vasta linnale' },
      ctx,
    );
    const [notice] = await bell(eha, `/dokumendid/${id}`);
    expect(notice).toMatchObject({
      kind: 'document.forwarded',
      subject: `Mari Tamm andis sulle üle: edastatud dokument ${number} „Päring hooldajatoetuse kohta“`,
    });
    expect(notice!.body).toContain('Märkus: Palun vasta linnale');
    await deliver();
    const got = smtp.messages.filter((m) => m.to.includes(eha.email!.toLowerCase()) && m.subject.includes(number));
    expect(got).toHaveLength(1);
    expect(got[0]!.raw).toContain(`/dokumendid/${id}`);
    // Nobody is told about what they handed to themselves.
    const own = await registerDocument(mari, letter({ assigneeId: mari.id, submissionId: randomUUID() }), [], ctx);
    expect(await bell(mari, `/dokumendid/${own.id}`)).toEqual([]);
  });

  it('a restricted document is named by its number only, and registering to someone tells them too', async () => {
    const { id, number } = await registerDocument(
      mari,
      letter({ title: 'Terviseandmed', isRestricted: true, restrictionGroundCode: 'avts-35-1-12', unitCode: 'pensionid', assigneeId: rasmus.id }),
      [],
      ctx,
    );
    const [notice] = await bell(rasmus, `/dokumendid/${id}`);
    expect(notice!.kind).toBe('document.assigned');
    expect(notice!.subject).toBe(`Mari Tamm andis sulle üle: dokument ${number} (juurdepääsupiiranguga)`);
    expect(JSON.stringify(await mailsTo((await actorFor('39203173055')).email, number))).not.toContain('Terviseandmed');
  });

  it('in the recipient’s language; e-mail off or once a day as they choose, the bell always', async () => {
    await saveNoticeSettings(
      eha,
      { language: 'en', email: { document: 'digest', task: 'off', payment: 'immediate', incident: 'immediate', absence: 'immediate', proposal: 'immediate' } },
      ctx,
    );
    expect((await noticeSettings(eha)).email.document).toBe('digest');
    const first = await registerDocument(mari, letter({ submissionId: randomUUID() }), [], ctx);
    const second = await registerDocument(mari, letter({ title: 'Teine päring', submissionId: randomUUID() }), [], ctx);
    for (const doc of [first, second])
      await forwardDocument(mari, { documentId: doc.id, version: await cardVersion(doc.id), unitCode: 'pensionid', assigneeId: eha.id, note: '' }, ctx);
    const [notice] = await bell(eha, `/dokumendid/${first.id}`);
    expect(notice!.subject).toBe(`Mari Tamm handed over to you: forwarded document ${first.number} “Päring hooldajatoetuse kohta”`);
    expect(notice!.digestPending).toBe(true);
    expect(await mailsTo(eha.email!, first.number)).toEqual([]);

    // Before the digest hour nothing goes; after it, one e-mail with both, once however often it runs.
    const day = new Date(Date.now() + 24 * 3600_000);
    const tallinn = (h: string) => new Date(`${day.toISOString().slice(0, 10)}T${h}:00+02:00`);
    expect(await sendDigests({ db: d(), now: tallinn('06:30'), hour: 7 })).toEqual({ digests: 0, notices: 0 });
    const sent = await sendDigests({ db: d(), now: tallinn('07:05'), hour: 7 });
    expect(sent.digests).toBeGreaterThanOrEqual(1);
    expect(await sendDigests({ db: d(), now: tallinn('07:15'), hour: 7 })).toEqual({ digests: 0, notices: 0 });
    const digest = await d()
      .select({ payload: outboxMessages.payload })
      .from(outboxMessages)
      .where(sql`${outboxMessages.kind} = 'notice.digest' and ${outboxMessages.payload}->>'to' = ${eha.email}`);
    expect(digest).toHaveLength(1);
    const mail = digest[0]!.payload as EmailPayload;
    expect(mail.subject).toBe('Töölaud: 2 notices of the day');
    expect(mail.text).toContain(first.number);
    expect(mail.text).toContain(second.number);
    expect(mail.text).toContain('Open in Töölaud');
    await deliver();
    expect(smtp.messages.some((m) => m.to.includes(eha.email!.toLowerCase()) && m.subject === 'Töölaud: 2 notices of the day')).toBe(true);
  });

  it('settings: a person changes only their own, and bad input changes nothing', async () => {
    const before = await d().select().from(notificationPreferences).where(eq(notificationPreferences.staffId, rasmus.id));
    await expect(saveNoticeSettings(rasmus, { language: 'de', email: {} }, ctx)).rejects.toBeInstanceOf(ZodError);
    await expect(
      saveNoticeSettings(
        rasmus,
        { language: 'et', email: { document: 'weekly', task: 'off', payment: 'off', incident: 'off', absence: 'off', proposal: 'off' } },
        ctx,
      ),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await d().select().from(notificationPreferences).where(eq(notificationPreferences.staffId, rasmus.id))).toEqual(before);
    expect((await noticeSettings(rasmus)).language).toBe('et');
    expect((await noticeSettings(eha)).language).toBe('en');
  });
});
