import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, clients, documents, issuedDocuments, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ForbiddenError } from '@/server/auth/policy';
import { TemplateDataError } from '@/server/pdf';
import { requestMissingDocuments } from '@/server/register/missing-documents';
import { registerDocument } from '@/server/register/register-document';
import type { RegisterActor } from '@/server/register/visibility';
import { setupTestDatabase } from '@/test/db';
import { withDevelopmentSeal } from '@/test/seal';
import { issueDocument } from './mutations';
import { readIssuedPdf, verifyDocument } from './queries';
import { setDocumentStatus } from '@/server/register/forward';
import { registrationInput } from '@/test/register';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
/** The version the card shows of a document now: what issuing from it decides on. */
const shown = (id: string) => versionNow(db.handle().db, 'documents', id);
const ctx = { requestId: 'test' };
const sealDir = withDevelopmentSeal('toolaud-issuing-');

let mari: RegisterActor; // customer service specialist
let rasmus: RegisterActor; // pensions head (specialist + manager)
let admin: RegisterActor;
let aivar: RegisterActor; // IT support
let helje: RegisterActor; // finance
let maryId: string;

const actorFor = async (code: string): Promise<RegisterActor> => {
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
};

const signer = { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: '', phone: '' };
const mary = { name: 'Mary Änn O’Connež-Šuslik', personalCode: '60001019906', address: 'Tartu mnt 1\n10115 Tallinn' };
/** A reply to Mary's enquiry of 27.11.2026. */
const replyData = {
  recipient: mary,
  theirDate: '2026-11-27',
  theirNumber: '',
  title: 'Vastus pöördumisele',
  salutation: '',
  body: 'Vastame Teie küsimusele.',
  signer,
};
const certificate = (overrides: Record<string, unknown> = {}) => ({
  language: 'et',
  client: mary,
  benefitKind: 'old-age-pension',
  periodStart: '2024-04-01',
  periodEnd: '',
  monthlyAmountCents: 123456,
  purpose: 'Tallinna Linnavalitsusele',
  signer,
  ...overrides,
});
const issue = (actor: RegisterActor, overrides: Record<string, unknown> = {}) =>
  issueDocument(
    actor,
    {
      templateId: 'benefit-certificate',
      data: certificate(),
      method: 'handed_over',
      clientId: maryId,
      fromDocumentId: '',
      submissionId: randomUUID(),
      ...overrides,
    },
    ctx,
  );

const registerEnquiry = () =>
  registerDocument(
    mari,
    registrationInput({ channel: 'email', title: 'Küsimus pensioni kohta', isRestricted: true, restrictionGroundCode: 'avts-35-1-12' }),
    [],
    { requestId: 'test', now: new Date('2026-11-27T10:20:00Z') },
  );

/** Mari's reply to an enquiry, issued from its card as it showed `version`. */
const issueReply = (enquiryId: string, version: string) =>
  issueDocument(
    mari,
    {
      templateId: 'reply-letter',
      data: replyData,
      method: 'email',
      clientId: '',
      fromDocumentId: enquiryId,
      fromDocumentVersion: version,
      submissionId: randomUUID(),
    },
    ctx,
  );

const counts = async () => {
  const result = await db.handle().db.execute<{ d: number; a: number; i: number; c: number }>(
    sql`select (select count(*)::int from documents) as d, (select count(*)::int from attachments) as a,
               (select count(*)::int from issued_documents) as i, (select coalesce(sum(last_number), 0)::int from register_counters) as c`,
  );
  return (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows)[0];
};

const pdftotext = (bytes: Uint8Array) => {
  const file = path.join(sealDir, `${randomUUID()}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
  rasmus = await actorFor('39203173055');
  admin = await actorFor('37906062915');
  aivar = await actorFor('39512022777');
  helje = await actorFor('46701202843');
  const [client] = await db.handle().db.select().from(clients).where(eq(clients.personalCode, '60001019906'));
  maryId = client!.id;
});

describe('issuing', () => {
  it('registers an outgoing certificate with a number and stores the sealed PDF it printed that number in', async () => {
    const result = await issue(mari);
    expect(result.number).toMatch(/^4-1\/(\d\d\/)?\d+$/);
    const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, result.documentId));
    expect(doc).toMatchObject({ direction: 'outgoing', status: 'closed', typeCode: 'certificate', clientId: maryId, isRestricted: true, channel: 'in_person' });
    const [issued] = await db.handle().db.select().from(issuedDocuments).where(eq(issuedDocuments.id, result.issuedId));
    expect(issued).toMatchObject({
      templateId: 'benefit-certificate',
      // The version of the texts it was issued with (version 1: the wording the templates began with).
      templateVersion: 1,
      sealed: true,
      recipientName: mary.name,
      method: 'handed_over',
      issuedBy: mari.id,
    });
    expect((issued!.data as { restriction: { validUntil: string } }).restriction.validUntil).toBe(doc!.restrictionUntil);
    const [file] = await db.handle().db.select().from(attachments).where(eq(attachments.id, issued!.attachmentId));
    expect(file).toMatchObject({ documentId: result.documentId, mimeType: 'application/pdf', sha256: result.sha256 });

    const download = await readIssuedPdf(mari, result.issuedId, ctx);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(download!.bytes).digest('hex')).toBe(result.sha256);
    const text = pdftotext(download!.bytes);
    expect(text).toContain(result.number);
    expect(text).toContain('Mary Änn O’Connež-Šuslik');
    expect(text).toContain('1 234,56 €');

    const audits = await db.handle().db.select().from(auditLog).where(eq(auditLog.entityId, result.documentId));
    expect(audits.map((a) => a.action).sort()).toEqual(['document.issue', 'document.issued_download']);
    expect(audits.every((a) => a.subjectCode === '60001019906')).toBe(true);
  });

  it('issues a reply letter in the enquiry’s matter with a suffix number and marks the enquiry answered', async () => {
    const enquiry = await registerEnquiry();
    const reply = await issueReply(enquiry.id, await shown(enquiry.id));
    expect(reply.number).toBe(`${enquiry.number}-1`);
    const [outgoing] = await db.handle().db.select().from(documents).where(eq(documents.id, reply.documentId));
    expect(outgoing).toMatchObject({ matterId: enquiry.id, direction: 'outgoing', typeCode: 'reply', title: 'Vastus pöördumisele', channel: 'email' });
    const [source] = await db.handle().db.select().from(documents).where(eq(documents.id, enquiry.id));
    expect(source!.status).toBe('answered');
    expect(pdftotext((await readIssuedPdf(mari, reply.issuedId, ctx))!.bytes)).toContain(reply.number);

    // The missing-documents notice goes into the request's own registration: no second number.
    const application = await registerEnquiry();
    const request = await requestMissingDocuments(
      mari,
      { documentId: application.id, version: await shown(application.id), items: 'Pangakonto andmed', clientDeadline: '2099-01-15', note: '' },
      { requestId: 'test' },
    );
    const before = await counts();
    const notice = await issueDocument(
      mari,
      {
        templateId: 'missing-documents-notice',
        data: {
          client: mary,
          application: { title: 'küsimus pensioni kohta', registrationNumber: application.number, receivedOn: '2026-11-27' },
          documents: [{ name: 'Pangakonto andmed', note: '' }],
          deadline: '2099-01-15',
          signer,
        },
        method: 'post',
        clientId: '',
        // From the application itself: the matter's registered request is the one it goes into.
        fromDocumentId: application.id,
        fromDocumentVersion: await shown(application.id),
        submissionId: randomUUID(),
      },
      ctx,
    );
    expect(notice).toMatchObject({ documentId: request.noticeId, number: request.noticeNumber });
    const after = await counts();
    expect(after).toMatchObject({ d: before!.d, c: before!.c, i: before!.i + 1 });
  });

  it('refuses a reply from a card opened before the enquiry changed, and writes nothing; looked at again, it goes through', async () => {
    const enquiry = await registerEnquiry();
    const seen = await shown(enquiry.id);
    // Meanwhile a colleague takes the enquiry into work.
    await setDocumentStatus(mari, { documentId: enquiry.id, version: seen, status: 'in_progress' }, ctx);
    const reply = (version: string) => issueReply(enquiry.id, version);
    const before = await counts();
    await expect(reply(seen)).rejects.toMatchObject({ code: 'errors.stale' });
    await expect(reply('')).rejects.toMatchObject({ code: 'errors.stale' });
    expect(await counts()).toEqual(before);
    expect((await reply(await shown(enquiry.id))).number).toBe(`${enquiry.number}-1`);
  });

  it('refuses invalid data field by field and registers nothing, using no number', async () => {
    const before = await counts();
    const error = await issue(mari, {
      data: certificate({
        client: { ...mary, personalCode: '60001019907' },
        monthlyAmountCents: -5,
        periodStart: '2025-01-01',
        periodEnd: '2024-01-01',
        purpose: '<script>alert(1)</script>',
        signer: { ...signer, title: 'x'.repeat(10_000) },
      }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateDataError);
    expect((error as TemplateDataError).fieldErrors).toMatchObject({
      'client.personalCode': 'errors.personalCode',
      monthlyAmountCents: 'errors.negativeAmount',
      periodEnd: 'errors.endBeforeStart',
      purpose: 'errors.badChars',
      'signer.title': 'errors.tooLong',
    });
    // Someone else's personal code on the client's certificate.
    await expect(issue(mari, { data: certificate({ client: { ...mary, personalCode: '36805280109' } }) })).rejects.toMatchObject({
      code: 'errors.issuingClientMismatch',
      field: 'data.client.personalCode',
    });
    expect(await counts()).toEqual(before);
  });

  it('issues once when the same form is submitted twice, also at the same time', async () => {
    const submissionId = randomUUID();
    const before = await counts();
    const [a, b] = await Promise.all([issue(mari, { submissionId }), issue(mari, { submissionId })]);
    const c = await issue(mari, { submissionId });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const after = await counts();
    expect(after).toMatchObject({ d: before!.d + 1, i: before!.i + 1, c: before!.c + 1 });
  });

  it('refuses roles without the permission and writes nothing', async () => {
    const before = await counts();
    const [{ n: auditsBefore }] = (await db
      .handle()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(auditLog)) as [{ n: number }];
    for (const actor of [admin, aivar, helje]) await expect(issue(actor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    const [{ n: auditsAfter }] = (await db
      .handle()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(auditLog)) as [{ n: number }];
    expect(auditsAfter).toBe(auditsBefore);
  });

  it('verifies by code and by file; one changed byte makes the file invalid', async () => {
    const result = await issue(rasmus, { method: 'post' });
    const bytes = (await readIssuedPdf(rasmus, result.issuedId, ctx))!.bytes;

    const byCode = await verifyDocument(aivar, { code: result.verificationCode.toLowerCase() }, ctx);
    expect(byCode).toMatchObject({ status: 'issued', number: result.number, typeName: 'Tõend', recipientName: mary.name, sealed: true });
    // IT support may check a document but not read the client's personal code.
    expect(byCode.status !== 'unknown' && byCode.status !== 'bad-code' && byCode.recipientCode).toBe('6••••••9906');
    expect(await verifyDocument(mari, { code: `${process.env.NEXTAUTH_URL ?? 'https://x.ee'}/kontrolli?kood=${result.verificationCode}` }, ctx)).toMatchObject({
      status: 'issued',
      recipientCode: '60001019906',
    });
    expect(await verifyDocument(mari, { pdf: bytes }, ctx)).toMatchObject({ status: 'valid', number: result.number });

    const changed = new Uint8Array(bytes);
    const at = changed.length >> 1;
    changed[at] = changed[at]! ^ 0x01;
    // Changed after issuing is reported as changed, never as "not issued by the portal".
    expect(await verifyDocument(mari, { pdf: changed }, ctx)).toMatchObject({ status: 'changed', number: result.number });
    const appended = new Uint8Array([...bytes, ...new TextEncoder().encode('\n% edited\n%%EOF\n')]);
    expect(await verifyDocument(mari, { pdf: appended }, ctx)).toMatchObject({ status: 'changed', number: result.number });

    expect(await verifyDocument(mari, { code: 'ABCD' }, ctx)).toEqual({ status: 'bad-code' });
    const audits = await db
      .handle()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.verify'), eq(auditLog.entityId, result.documentId)));
    expect(audits.length).toBeGreaterThanOrEqual(4);
    expect(audits.every((a) => a.subjectCode === '60001019906')).toBe(true);
  });

  it('never shows a restricted issued document to a specialist of another unit', async () => {
    const result = await issue(mari);
    const eha = await actorFor('48710242983');
    expect(eha.unitCode).not.toBe(mari.unitCode);
    expect(await readIssuedPdf(eha, result.issuedId, ctx)).toBeNull();
  });
});
