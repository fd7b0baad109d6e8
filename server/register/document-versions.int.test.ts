// The register: a decision on a document (its status, forwarding it, a reply, its deadline, the
// missing documents received, making it public) is bound to the document as its card showed it.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { selectRows } from '@/db/client';
import { documents } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { versionOf } from '@/lib/record-version';
import { makeDocumentPublic } from '@/server/public-register/mutations';
import { setupTestDatabase } from '@/test/db';
import { pensionApplicationInput, registerActorFor, registrationInput, scanPdf } from '@/test/register';
import { getDocumentCard } from './document-card';
import { forwardDocument, forwardToAuthority, setDocumentStatus } from './forward';
import { extendDeadline, markMissingReceived, requestMissingDocuments } from './missing-documents';
import { registerDocument } from './register-document';
import { registerReply } from './reply';
import { addScans } from './scans';
import type { RegisterActor } from './visibility';

const db = setupTestDatabase();
const d = () => db.handle().db;
const ctx = { requestId: 'test' };
const ctxAt = (iso: string) => ({ requestId: 'test', now: new Date(iso) });

let mari: RegisterActor; // customer service specialist
let tonu: RegisterActor; // customer service specialist, her colleague
let juri: RegisterActor; // customer service manager

/** The version the card shows to this person now, as the page reads it. */
const cardVersion = async (actor: RegisterActor, id: string) => versionOf((await getDocumentCard(actor, id, ctx))!.doc);

/** What a decision on the document writes: the row, its history, its audit rows, the notices. */
async function written(id: string) {
  const [row] = await d().select().from(documents).where(eq(documents.id, id));
  const [counts] = await selectRows<{ events: number; audit: number; notices: number; requests: number }>(
    d(),
    sql`select (select count(*)::int from document_events where document_id = ${id}) as events,
               (select count(*)::int from audit_log where entity_id = ${id} and outcome = 'success' and action like 'document.%'
                  and action not in ('document.view', 'document.read')) as audit,
               (select count(*)::int from notifications) as notices,
               (select count(*)::int from missing_requests where document_id = ${id} and resolved_at is null) as requests`,
  );
  return { row, counts: counts! };
}

beforeAll(async () => {
  await seedDemo(d());
  mari = await registerActorFor(d(), '47805122004');
  tonu = await registerActorFor(d(), '36903032213');
  juri = await registerActorFor(d(), '37509182078');
});

describe('a decision on a document is bound to the document as its card showed it', () => {
  it('closing or forwarding from a card opened before a colleague answered the letter is refused, nothing written; looked at again, it goes through', async () => {
    const { id } = await registerDocument(mari, registrationInput({ title: 'Küsimus toetuse kohta' }), [], ctx);
    // Mari opens the card; meanwhile Tõnu answers the letter and leaves the matter open.
    const shown = await cardVersion(mari, id);
    await registerReply(
      tonu,
      { documentId: id, version: await cardVersion(tonu, id), title: 'Vastus küsimusele', channel: 'email', closeMatter: false },
      [],
      ctx,
    );
    const before = await written(id);
    expect(before.row!.status).toBe('answered');
    // "Lõpeta" and "Edasta" from Mari's old card: she has not seen the answer.
    await expect(setDocumentStatus(mari, { documentId: id, version: shown, status: 'closed' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    await expect(
      forwardDocument(mari, { documentId: id, version: shown, unitCode: 'klienditeenindus', assigneeId: juri.id, note: 'Vaata üle' }, ctx),
    ).rejects.toMatchObject({ code: 'errors.stale' });
    // Nor a second reply, nor sending it to another authority.
    await expect(registerReply(mari, { documentId: id, version: shown, title: 'Vastus', channel: 'post', closeMatter: true }, [], ctx)).rejects.toMatchObject({
      code: 'errors.stale',
    });
    await expect(
      forwardToAuthority(mari, { documentId: id, version: shown, authority: 'Eesti Töötukassa', note: '', senderInformed: true }, ctx),
    ).rejects.toMatchObject({ code: 'errors.stale' });
    // A request without the version is refused as well.
    await expect(setDocumentStatus(mari, { documentId: id, status: 'closed' } as never, ctx)).rejects.toBeInstanceOf(ZodError);
    expect(await written(id)).toEqual(before);

    // Looked at again, the decision is of what the card now shows.
    await forwardDocument(mari, { documentId: id, version: await cardVersion(mari, id), unitCode: 'klienditeenindus', assigneeId: juri.id, note: '' }, ctx);
    await setDocumentStatus(mari, { documentId: id, version: await cardVersion(mari, id), status: 'closed' }, ctx);
    expect((await written(id)).row).toMatchObject({ status: 'closed', assigneeId: juri.id });
  });

  it('pages added to the document meanwhile (a scan at the front desk) make the old card stale too', async () => {
    const { id } = await registerDocument(mari, registrationInput({ title: 'Avaldus' }), [], ctx);
    const shown = await cardVersion(tonu, id);
    await addScans(mari, id, [scanPdf('lisaleht')], ctx);
    await expect(setDocumentStatus(tonu, { documentId: id, version: shown, status: 'closed' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    await setDocumentStatus(tonu, { documentId: id, version: await cardVersion(tonu, id), status: 'closed' }, ctx);
  });

  it('a deadline extended by a colleague meanwhile is not overwritten from the old card', async () => {
    const { id } = await registerDocument(
      mari,
      pensionApplicationInput({
        typeCode: 'information_request',
        identityChecked: false,
        channel: 'email',
        receivedAt: '2026-12-21T09:00',
        isRestricted: false,
        restrictionGroundCode: '',
      }),
      [],
      ctxAt('2026-12-21T09:00:00Z'),
    );
    const shown = await cardVersion(mari, id);
    // AvTS § 18: due 30 Dec, extendable to 14 Jan 2027. Tõnu extends it to 8 Jan.
    await extendDeadline(tonu, { documentId: id, version: await cardVersion(tonu, id), newDueDate: '2027-01-08', reason: 'Vaja küsida registrist' }, ctx);
    const before = await written(id);
    await expect(extendDeadline(mari, { documentId: id, version: shown, newDueDate: '2027-01-14', reason: 'Mahukas päring' }, ctx)).rejects.toMatchObject({
      code: 'errors.stale',
    });
    expect(await written(id)).toEqual(before);
    expect(before.row!.dueDate).toBe('2027-01-08');
    await extendDeadline(mari, { documentId: id, version: await cardVersion(mari, id), newDueDate: '2027-01-14', reason: 'Mahukas päring' }, ctx);
    expect((await written(id)).row!.dueDate).toBe('2027-01-14');
  });

  it('"documents received" from a card opened before the document was forwarded is refused; the request stays open', async () => {
    const { id } = await registerDocument(mari, registrationInput({ typeCode: 'general_application' }), [], ctx);
    await requestMissingDocuments(
      mari,
      { documentId: id, version: await cardVersion(mari, id), items: 'Volikiri', clientDeadline: '2099-01-05', note: '' },
      ctx,
    );
    const shown = await cardVersion(mari, id);
    // Meanwhile Tõnu forwards the waiting document to the manager.
    await forwardDocument(tonu, { documentId: id, version: await cardVersion(tonu, id), unitCode: 'klienditeenindus', assigneeId: juri.id, note: '' }, ctx);
    const before = await written(id);
    expect(before.counts.requests).toBe(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(new Date());
    await expect(markMissingReceived(mari, { documentId: id, version: shown, receivedOn: today }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    expect(await written(id)).toEqual(before);
    await markMissingReceived(mari, { documentId: id, version: await cardVersion(mari, id), receivedOn: today }, ctx);
    expect(await written(id)).toMatchObject({ row: { status: 'in_progress' }, counts: { requests: 0 } });
  });

  it('the manager makes public what the card showed: a document changed meanwhile is refused, nothing written', async () => {
    const { id } = await registerDocument(
      mari,
      registrationInput({ isRestricted: true, restrictionGroundCode: 'avts-35-1-12', title: 'Terviseandmetega kiri' }),
      [],
      ctx,
    );
    const shown = await cardVersion(juri, id);
    await forwardDocument(mari, { documentId: id, version: await cardVersion(mari, id), unitCode: 'klienditeenindus', assigneeId: tonu.id, note: '' }, ctx);
    const before = await written(id);
    await expect(makeDocumentPublic(juri, { documentId: id, version: shown }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    expect(await written(id)).toEqual(before);
    expect(before.row!.publicSince).toBeNull();
    await makeDocumentPublic(juri, { documentId: id, version: await cardVersion(juri, id) }, ctx);
    expect((await written(id)).row).toMatchObject({ publicBy: juri.id });
  });
});
