import { instantToTallinnLocal } from '@/lib/tallinn-time';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { documents, issuedDocuments, missingRequests, notifications, staff, templateTexts } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import type { Role } from '@/lib/roles';
import { ForbiddenError } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { getClientCard } from '@/server/clients/queries';
import { issueDocument } from '@/server/issuing/mutations';
import { issuedForClient, issuedForDocument, readIssuedPdf } from '@/server/issuing/queries';
import { publishTexts, saveTextsDraft, submitTextsDraft } from '@/server/templates/mutations';
import { invalidateTextsInForce } from '@/server/templates/texts';
import { setupTestDatabase } from '@/test/db';
import { addSecondAdmin } from '@/test/staff';
import { pdfText } from '@/test/pdf';
import { pensionApplicationInput } from '@/test/register';
import { formatDate } from '@/lib/format';
import { initialSources } from '@/templates/shared/texts';
import { TEXT_SPECS } from '@/templates/texts';
import { withDevelopmentSeal } from '@/test/seal';
import { pendingMatters, registerBroughtIn } from './brought-in';
import { requestMissingWithLetter } from './missing-letter';
import { forwardDocument, setDocumentStatus } from './forward';
import { requestMissingDocuments } from './missing-documents';
import { registerDocument } from './register-document';
import { addScans } from './scans';
import { getDocumentCard } from './document-card';
import { readAttachment } from './attachment-download';
import { searchDocuments } from './search';
import { receiptConfirmation } from './receipt';
import type { RegisterActor } from './visibility';
import { draftVersionNow, versionNow } from '@/test/versions';

// The register across departments: the entry is everyone's with register access, the
// contents of a restricted document only its department's, its assignee's, managers' and
// (for what the front desk does) its registrar's.

const db = setupTestDatabase();
/** The version the document's card shows now (lib/record-version.ts). */
const cardVersion = (id: string) => versionNow(db.handle().db, 'documents', id);
withDevelopmentSeal('toolaud-front-desk-');
const ctx = { requestId: 'test' };
const pdf = (text = 'skaneering') => ({ name: 'taotlus.pdf', bytes: new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`) });

let mari: RegisterActor; // customer service, Tallinn: registers at the front desk
let andres: RegisterActor; // customer service, Tartu: a colleague with no need
let eha: RegisterActor; // pensions specialist: the assignee
let rasmus: RegisterActor; // pensions head (manager)
let admin: RegisterActor;
let clientId: string;

const actorFor = async (code: string): Promise<RegisterActor> => {
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
};

const today = () => tallinnDate(new Date());
const form = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput =>
  pensionApplicationInput({
    // A minute ago: a fixed hour of today may still be ahead (the register refuses a future receipt).
    receivedAt: instantToTallinnLocal(new Date(Date.now() - 60_000)),
    identityValidUntil: '2035-01-01',
    unitCode: 'pensionid',
    ...overrides,
  });

const count = async (table: string, where = sql`true`) => {
  const r = await db.handle().db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows)[0]!.n;
};
const everything = async () => ({
  documents: await count('documents'),
  attachments: await count('attachments'),
  missing: await count('missing_requests'),
  issued: await count('issued_documents'),
  notifications: await count('notifications'),
  events: await count('document_events'),
});

const letter = (overrides: Record<string, unknown> = {}) => ({
  client: { name: 'Mary Änn O’Connež-Šuslik', personalCode: '60001019906', address: 'Tartu mnt 1\n10115 Tallinn' },
  application: { title: 'vanaduspensioni taotlus', registrationNumber: '2-1/1', receivedOn: today() },
  documents: [
    { name: 'Tööraamatu koopia', note: '' },
    { name: 'Sünnitunnistus', note: '' },
  ],
  deadline: '2099-01-15',
  channels: ['email', 'post', 'office'],
  note: '',
  signer: { name: 'Eha Jõgi', title: 'pensionide spetsialist', email: '', phone: '' },
  restriction: null,
  ...overrides,
});

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
  andres = await actorFor('38207302355');
  eha = await actorFor('48710242983');
  rasmus = await actorFor('39203173055');
  admin = await actorFor('37906062915');
  const [row] = await db
    .handle()
    .db.execute<{ id: string }>(sql`select id from clients where personal_code = '60001019906'`)
    .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { id: string }[] }).rows));
  clientId = row!.id;
});

describe('registering into another department', () => {
  it('lands the registrar on the card with the number, the deadline and the receipt, not on "not found"', async () => {
    const { id, number } = await registerDocument(mari, form({ assigneeId: eha.id }), [pdf()], ctx);
    const card = await getDocumentCard(mari, id, { ...ctx, purpose: 'registreerimine' });
    expect(card).toMatchObject({ access: 'frontDesk', doc: { number, title: 'Vanaduspensioni taotlus', unitCode: 'pensionid' }, attachmentCount: 1 });
    expect(card!.doc.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Files and history details are the department's: not on her card, and the file is refused.
    expect(card!.attachments).toEqual([]);
    expect(card!.events).toEqual([]);
    // Her view of a restricted document's title is audited with its purpose.
    expect(
      await count('audit_log', sql`action = 'document.view' and entity_id = ${id} and actor_code = ${mari.personalCode} and purpose = 'registreerimine'`),
    ).toBe(1);

    const receipt = await receiptConfirmation(mari, id, 'en', ctx);
    expect(receipt!.fileName).toBe(`receipt-${number.replace('/', '_')}.pdf`);
    expect(Buffer.from(receipt!.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(await count('audit_log', sql`action = 'document.receipt_print' and entity_id = ${id}`)).toBe(1);
    // Printing a receipt registers nothing.
    expect(await count('documents', sql`matter_id = ${id}`)).toBe(1);
    // What the client reads: the number, the deadline and how to ask, in the texts in force.
    const english = pdfText(receipt!.bytes).replace(/\s+/g, ' ');
    expect(english).toContain('Confirmation of receipt');
    expect(english).toContain(`We will reply by ${formatDate(card!.doc.dueDate!)}.`);
    expect(english).toContain(`Please give the registration number ${number}.`);
  });

  it('prints the receipt in the wording of the texts version in force', async () => {
    const { id, number } = await registerDocument(mari, form({ assigneeId: eha.id }), [pdf()], ctx);
    const blocks = {
      ...initialSources(TEXT_SPECS['receipt-confirmation']),
      ask: { et: 'Küsimuste korral helistage 612 1399 ja öelge number {number}.', en: 'Call 612 1399 and give the number {number}.' },
    };
    // Written by one administrator, published by another.
    const second = await addSecondAdmin(db.handle().db, { unitCode: 'it-tugi', regionCode: 'pohja' });
    const kaja: RegisterActor = { id: second.id, personalCode: second.personalCode, roles: second.roles, unitCode: second.unitCode };
    await saveTextsDraft(admin, { templateId: 'receipt-confirmation', blocks }, ctx);
    expect(await submitTextsDraft(admin, 'receipt-confirmation', ctx)).toEqual({ submitted: true });
    const [draft] = await db.handle().db.select().from(templateTexts).where(eq(templateTexts.templateId, 'receipt-confirmation'));
    await publishTexts(
      kaja,
      { templateId: 'receipt-confirmation', draftId: draft!.id, version: await draftVersionNow(db.handle().db, 'receipt-confirmation'), effectiveFrom: '' },
      ctx,
    );
    invalidateTextsInForce('receipt-confirmation');
    const text = pdfText((await receiptConfirmation(mari, id, 'et', ctx))!.bytes).replace(/\s+/g, ' ');
    expect(text).toContain(`Küsimuste korral helistage 612 1399 ja öelge number ${number}.`);
    expect(text).not.toContain('Menetluse kohta saate küsida');
  });

  it('gives the registrar front-desk work (scans) but not the contents work (forward, status, files)', async () => {
    const { id } = await registerDocument(mari, form({ assigneeId: eha.id }), [pdf()], ctx);
    await addScans(mari, id, [pdf('teine leht')], ctx);
    expect(await count('attachments', sql`document_id = ${id}`)).toBe(2);
    const before = await everything();
    await expect(setDocumentStatus(mari, { documentId: id, version: await cardVersion(id), status: 'closed' }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    await expect(
      forwardDocument(mari, { documentId: id, version: await cardVersion(id), unitCode: 'klienditeenindus', assigneeId: '', note: '' }, ctx),
    ).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    const [file] = await db
      .handle()
      .db.execute<{ id: string }>(sql`select id from attachments where document_id = ${id} limit 1`)
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { id: string }[] }).rows));
    expect(await readAttachment(mari, file!.id, ctx)).toBeNull();
    expect(await everything()).toEqual(before);
  });
});

describe('the entry for everyone, the contents for those who need them', () => {
  it('on every route that serves contents: card, files, issued PDF, search and export rows, client card', async () => {
    const { id, number } = await registerDocument(mari, form({ assigneeId: eha.id, title: 'Vanaduspensioni taotlus (tervis)' }), [pdf()], ctx);
    const issued = await issueDocument(
      eha,
      {
        templateId: 'missing-documents-notice',
        data: letter(),
        method: 'handed_over',
        clientId: '',
        fromDocumentId: id,
        fromDocumentVersion: await cardVersion(id),
        submissionId: randomUUID(),
      },
      ctx,
    );
    const [file] = await db
      .handle()
      .db.execute<{ id: string }>(sql`select id from attachments where document_id = ${id} limit 1`)
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { id: string }[] }).rows));

    // Everyone with register access sees the entry: number, type, department, assignee, status, deadline, the mark.
    for (const actor of [andres, eha, rasmus, admin, mari]) {
      const card = await getDocumentCard(actor, id, ctx);
      expect(card).toMatchObject({ doc: { number, unitCode: 'pensionid', assigneeId: eha.id, isRestricted: true }, unitName: 'Pensionide osakond' });
      expect(card!.ground?.label).toBe('AvTS § 35 lg 1 p 12');
      const rows = (await searchDocuments(actor, { number })).rows;
      // The application and its notice (…-1), the matter's entries.
      expect(rows.map((r) => r.number).sort()).toEqual([number, `${number}-1`]);
    }
    // The department, the assignee, managers and administrators open the contents.
    for (const actor of [eha, rasmus, admin]) {
      expect(await getDocumentCard(actor, id, ctx)).toMatchObject({ access: 'contents', doc: { title: 'Vanaduspensioni taotlus (tervis)' } });
      expect(await readAttachment(actor, file!.id, ctx)).not.toBeNull();
      expect(await readIssuedPdf(actor, issued.issuedId, ctx)).not.toBeNull();
    }

    // A colleague with no need: the entry without title or party, and no contents anywhere.
    const auditBefore = await count('audit_log');
    const before = await everything();
    const card = await getDocumentCard(andres, id, ctx);
    expect(card).toMatchObject({
      access: 'entry',
      client: null,
      openRequest: null,
      events: [],
      attachments: [],
      matter: [],
      doc: { title: '', clientId: null },
    });
    const [row] = (await searchDocuments(andres, { number })).rows;
    expect(row).toMatchObject({ title: '', party: '', clientCode: null, contentsHidden: true });
    expect(await readAttachment(andres, file!.id, ctx)).toBeNull();
    expect(await readIssuedPdf(andres, issued.issuedId, ctx)).toBeNull();
    expect(await issuedForDocument(andres, id)).toBeNull();
    expect(await receiptConfirmation(andres, id, 'et', ctx)).toBeNull();
    const clientCard = await getClientCard(andres, clientId, ctx);
    expect(clientCard!.documents.find((d) => d.id === id)).toMatchObject({ number, title: null });
    expect((await issuedForClient(andres, clientId)).map((i) => i.id)).not.toContain(issued.issuedId);
    expect((await pendingMatters(andres, clientId)).find((d) => d.id === id)).toMatchObject({
      number,
      title: null,
      unitName: 'Pensionide osakond',
    });
    // In English the matter's department and type are named in English.
    expect((await pendingMatters(andres, clientId, 'en')).find((d) => d.id === id)).toMatchObject({
      unitName: 'Pensions Department',
      typeName: 'Pension application',
    });
    // Refusals write nothing to the register; the client card's opening is audited, as always,
    // and each refused file (the scan, the issued PDF) as denied.
    expect(await everything()).toEqual(before);
    expect(await count('audit_log')).toBe(auditBefore + 3);
    const contentsOpened = sql`action in ('document.view', 'attachment.download', 'document.issued_download') and actor_code = ${andres.personalCode}`;
    expect(await count('audit_log', sql`${contentsOpened} and outcome <> 'denied' and entity_id = ${id}`)).toBe(0);
    expect(await count('audit_log', sql`${contentsOpened} and outcome = 'denied'`)).toBe(2);
  });

  it.each(['it_support', 'finance'] as Role[])('refuses %s the entry too', async (role) => {
    const { id } = await registerDocument(mari, form(), [], ctx);
    const actor = { ...andres, roles: [role] };
    await expect(getDocumentCard(actor, id, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(searchDocuments(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(pendingMatters(actor, clientId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(receiptConfirmation(actor, id, 'et', ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('what the client brings into a pending matter', () => {
  it('is registered into the matter (…-N), resumes the paused deadline and tells the assignee, without opening the contents', async () => {
    const { id, number } = await registerDocument(eha, form({ assigneeId: eha.id }), [], ctx);
    await requestMissingDocuments(
      eha,
      { documentId: id, version: await cardVersion(id), items: 'Tööraamatu koopia', clientDeadline: '2099-01-15', note: '' },
      ctx,
    );
    const [paused] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(paused).toMatchObject({ status: 'waiting_for_client', dueDate: null });

    // Andres (another office, no need for the contents) sees the matter and what is missing.
    expect((await pendingMatters(andres, clientId)).find((d) => d.id === id)).toMatchObject({
      number,
      status: 'waiting_for_client',
      missingItems: ['Tööraamatu koopia'],
      title: null,
      unitName: 'Pensionide osakond',
    });
    const result = await registerBroughtIn(andres, { documentId: id, title: 'Tööraamatu koopia', submissionId: randomUUID() }, [pdf('tööraamat')], ctx);
    expect(result).toMatchObject({ number: `${number}-2`, matterNumber: number, resumed: true });
    const [brought] = await db.handle().db.select().from(documents).where(eq(documents.id, result.id));
    expect(brought).toMatchObject({ matterId: id, unitCode: 'pensionid', assigneeId: eha.id, isRestricted: true, createdBy: andres.id, channel: 'in_person' });
    const [resumed] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(resumed!.status).toBe('in_progress');
    expect(resumed!.dueDate).toBe(result.dueDate);
    expect(resumed!.dueDate! > today()).toBe(true);
    expect(await count('missing_requests', sql`document_id = ${id} and resolved_at is null`)).toBe(0);
    const [notice] = await db
      .handle()
      .db.select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, eha.id), eq(notifications.kind, 'document.brought_in')));
    expect(notice).toMatchObject({ link: `/dokumendid/${id}` });
    expect(notice!.subject).toContain(number);
    expect(await count('outbox_messages', sql`kind = 'document.brought_in'`)).toBeGreaterThan(0);
    expect(await count('audit_log', sql`action = 'document.brought_in' and entity_id = ${result.id}`)).toBe(1);
    // He still sees only the entry of the application.
    expect(await getDocumentCard(andres, id, ctx)).toMatchObject({ access: 'entry', attachments: [], events: [] });
  });

  it('is refused to roles without register access and for a closed matter, writing nothing', async () => {
    const { id } = await registerDocument(eha, form({ assigneeId: eha.id }), [], ctx);
    for (const role of ['it_support', 'finance', 'admin'] as Role[]) {
      const before = await everything();
      await expect(
        registerBroughtIn({ ...andres, roles: [role] }, { documentId: id, title: 'x', submissionId: randomUUID() }, [pdf()], ctx),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await everything()).toEqual(before);
    }
    await setDocumentStatus(eha, { documentId: id, version: await cardVersion(id), status: 'closed' }, ctx);
    const before = await everything();
    await expect(registerBroughtIn(andres, { documentId: id, title: 'x', submissionId: randomUUID() }, [pdf()], ctx)).rejects.toMatchObject({
      code: 'errors.statusChange',
    });
    await expect(registerBroughtIn(andres, { documentId: id, title: '', submissionId: randomUUID() }, [], ctx)).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });
});

describe('asking for missing documents in one step', () => {
  it('pauses the application, registers the notice in the matter and issues its letter as one action', async () => {
    const { id, number } = await registerDocument(eha, form({ assigneeId: eha.id }), [], ctx);
    const result = await requestMissingWithLetter(
      eha,
      {
        documentId: id,
        version: await cardVersion(id),
        data: letter({ application: { title: 'vanaduspensioni taotlus', registrationNumber: number, receivedOn: today() } }),
        method: 'post',
        submissionId: randomUUID(),
      },
      ctx,
    );
    expect(result.number).toBe(`${number}-1`);
    const [app] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(app).toMatchObject({ status: 'waiting_for_client', dueDate: null });
    const [request] = await db.handle().db.select().from(missingRequests).where(eq(missingRequests.documentId, id));
    expect(request).toMatchObject({ items: ['Tööraamatu koopia', 'Sünnitunnistus'], clientDeadline: '2099-01-15' });
    const [issued] = await db.handle().db.select().from(issuedDocuments).where(eq(issuedDocuments.id, result.issuedId));
    expect(issued).toMatchObject({ documentId: result.documentId, templateId: 'missing-documents-notice', method: 'post' });
    // One notice, numbered once in the matter.
    expect(await count('documents', sql`matter_id = ${id} and type_code = 'missing_documents_request'`)).toBe(1);
    expect(await count('audit_log', sql`action = 'document.issue' and entity_id = ${result.documentId}`)).toBe(1);
    expect(await count('audit_log', sql`action = 'document.missing_request' and entity_id = ${id}`)).toBe(1);
  });

  it('writes nothing when the letter is incomplete, the deadline past, or the person may not', async () => {
    const { id } = await registerDocument(eha, form({ assigneeId: eha.id }), [], ctx);
    const before = await everything();
    const counters = await count('audit_log');
    await expect(
      requestMissingWithLetter(
        eha,
        { documentId: id, version: await cardVersion(id), data: letter({ documents: [] }), method: 'post', submissionId: randomUUID() },
        ctx,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { documents: 'errors.required' },
    });
    await expect(
      requestMissingWithLetter(
        eha,
        {
          documentId: id,
          version: await cardVersion(id),
          data: letter({ deadline: '2020-01-01', application: { title: 'vanaduspensioni taotlus', registrationNumber: '2-1/1', receivedOn: '2019-12-02' } }),
          method: 'post',
          submissionId: randomUUID(),
        },
        ctx,
      ),
    ).rejects.toMatchObject({
      code: 'errors.deadlinePast',
    });
    // Another department's specialist may not ask (it is the contents' work), nor IT support or finance.
    await expect(
      requestMissingWithLetter(andres, { documentId: id, version: await cardVersion(id), data: letter(), method: 'post', submissionId: randomUUID() }, ctx),
    ).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    for (const role of ['it_support', 'finance', 'admin'] as Role[]) {
      await expect(
        requestMissingWithLetter(
          { ...eha, roles: [role] },
          { documentId: id, version: await cardVersion(id), data: letter(), method: 'post', submissionId: randomUUID() },
          ctx,
        ),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await everything()).toEqual(before);
    expect(await count('audit_log')).toBe(counters);
    const [app] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(app!.status).toBe('registered');
  });

  it('is refused from a card opened before the application changed, and writes nothing', async () => {
    const { id, number } = await registerDocument(eha, form({ assigneeId: eha.id }), [], ctx);
    const seen = await cardVersion(id);
    // Meanwhile the application is taken into work.
    await setDocumentStatus(eha, { documentId: id, version: seen, status: 'in_progress' }, ctx);
    const before = await everything();
    const counters = await count('audit_log');
    const ask = (version: string) =>
      requestMissingWithLetter(
        eha,
        {
          documentId: id,
          version,
          data: letter({ application: { title: 'vanaduspensioni taotlus', registrationNumber: number, receivedOn: today() } }),
          method: 'post',
          submissionId: randomUUID(),
        },
        ctx,
      );
    await expect(ask(seen)).rejects.toMatchObject({ code: 'errors.stale' });
    expect(await everything()).toEqual(before);
    expect(await count('audit_log')).toBe(counters);
    // Looked at again: the request and its letter go through as one.
    expect((await ask(await cardVersion(id))).number).toBe(`${number}-1`);
  });
});
