// The register: working on a document: forwarding, pausing for missing documents, resuming and extending deadlines, certifying copies.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, documentEvents, documents } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { setupTestDatabase } from '@/test/db';
import { forwardDocument, setDocumentStatus } from './forward';
import { extendDeadline, markMissingReceived, requestMissingDocuments } from './missing-documents';
import { registerDocument } from './register-document';
import { registerReply } from './reply';
import { certifyAttachment } from './scans';
import { searchDocuments } from './search';
import type { RegisterActor } from './visibility';
import { pensionApplicationInput, registerActorFor, scanPdf } from '@/test/register';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
/** The version the document's card shows now (lib/record-version.ts). */
const cardVersion = (id: string) => versionNow(db.handle().db, 'documents', id);
const pdf = scanPdf;
const ctxAt = (iso: string) => ({ requestId: 'test', now: new Date(iso) });
const ctx = { requestId: 'test' };

let mari: RegisterActor; // customer service specialist, Tallinn
let eha: RegisterActor; // pensions specialist

const actorFor = (code: string) => registerActorFor(db.handle().db, code);

const form = pensionApplicationInput;

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
  eha = await actorFor('48710242983');
});

describe('working on a document', () => {
  it('forwards, pauses for missing documents, restarts the pension deadline, and a reply closes the matter', async () => {
    const { id, number } = await registerDocument(mari, form(), [pdf()], ctxAt('2026-11-27T10:20:00Z'));
    await forwardDocument(mari, { documentId: id, version: await cardVersion(id), unitCode: 'pensionid', assigneeId: eha.id, note: 'Palun menetleda' }, ctx);
    // Eha (pensions) sees it in her list.
    const mine = await searchDocuments(eha, { view: 'mine' });
    expect(mine.rows.map((r) => r.number)).toContain(number);

    await setDocumentStatus(eha, { documentId: id, version: await cardVersion(id), status: 'in_progress' }, ctx);
    const notice = await requestMissingDocuments(
      eha,
      { documentId: id, version: await cardVersion(id), items: 'Tööraamatu koopia\nSünnitunnistus', clientDeadline: '2026-12-14', note: '' },
      ctxAt('2026-11-30T08:00:00Z'),
    );
    expect(notice.noticeNumber).toBe(`${number}-1`);
    let [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    // Mon 30 Nov → Fri 18 Dec: 14 working days were left when it paused.
    expect(doc).toMatchObject({ status: 'waiting_for_client', dueDate: null, pausedDaysLeft: 14 });
    const waiting = await searchDocuments(eha, { view: 'mine', status: 'waiting_for_client' });
    expect(waiting.rows.find((r) => r.id === id)?.isPaused).toBe(true);

    // The documents arrive Mon 7 Dec: a pension decision restarts: 15 working days → 30 Dec.
    const resumed = await markMissingReceived(eha, { documentId: id, version: await cardVersion(id), receivedOn: '2026-12-07' }, ctxAt('2026-12-07T12:00:00Z'));
    expect(resumed.dueDate).toBe('2026-12-30');

    const reply = await registerReply(
      eha,
      { documentId: id, version: await cardVersion(id), title: 'Vastus pensionitaotlusele', channel: 'email', closeMatter: true },
      [],
      ctx,
    );
    expect(reply.number).toBe(`${number}-2`);
    [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(doc!.status).toBe('closed');
    const history = await db.handle().db.select().from(documentEvents).where(eq(documentEvents.documentId, id));
    expect(history.map((e) => e.kind)).toEqual(['registered', 'forwarded', 'status', 'missing_requested', 'missing_received', 'reply_registered']);
  });

  it('resumes other types with the days that were left', async () => {
    const { id } = await registerDocument(
      mari,
      form({ typeCode: 'memorandum', identityChecked: false, channel: 'post', receivedAt: '2026-10-30T12:00' }),
      [],
      ctxAt('2026-11-02T09:00:00Z'),
    );
    // Due Wed 2 Dec. Paused Mon 16 Nov with 16 calendar days left; resumed Mon 23 Nov → 9 Dec.
    await requestMissingDocuments(
      mari,
      { documentId: id, version: await cardVersion(id), items: 'Volikiri', clientDeadline: '2026-11-30', note: '' },
      ctxAt('2026-11-16T09:00:00Z'),
    );
    const [paused] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(paused!.pausedDaysLeft).toBe(16);
    const resumed = await markMissingReceived(
      mari,
      { documentId: id, version: await cardVersion(id), receivedOn: '2026-11-23' },
      ctxAt('2026-11-23T12:00:00Z'),
    );
    expect(resumed.dueDate).toBe('2026-12-09');
  });

  it('extends a deadline within the legal limit only, and keeps both dates in the history', async () => {
    const { id } = await registerDocument(
      mari,
      form({ typeCode: 'information_request', identityChecked: false, channel: 'email', receivedAt: '2026-12-21T09:00' }),
      [],
      ctxAt('2026-12-21T09:00:00Z'),
    );
    // AvTS § 18: 5 working days (30 Dec), extendable to 15 working days (14 Jan 2027; 1 Jan is a holiday).
    await expect(
      extendDeadline(mari, { documentId: id, version: await cardVersion(id), newDueDate: '2027-01-15', reason: 'Mahukas päring' }, ctx),
    ).rejects.toMatchObject({
      code: 'errors.extensionTooLong',
    });
    await expect(extendDeadline(mari, { documentId: id, version: await cardVersion(id), newDueDate: '2026-12-29', reason: 'x' }, ctx)).rejects.toMatchObject({
      code: 'errors.extensionNotLater',
    });
    await extendDeadline(
      mari,
      { documentId: id, version: await cardVersion(id), newDueDate: '2027-01-14', reason: 'Mahukas päring, vaja koguda andmeid mitmest registrist' },
      ctx,
    );
    const [event] = await db
      .handle()
      .db.select()
      .from(documentEvents)
      .where(and(eq(documentEvents.documentId, id), eq(documentEvents.kind, 'deadline_extended')));
    expect(event).toMatchObject({ details: { from: '2026-12-30', to: '2027-01-14' }, note: 'Mahukas päring, vaja koguda andmeid mitmest registrist' });
  });

  it('certifies a copy once, naming who and when', async () => {
    const { id } = await registerDocument(mari, form(), [pdf()], ctx);
    const [file] = await db.handle().db.select().from(attachments).where(eq(attachments.documentId, id));
    await certifyAttachment(mari, { attachmentId: file!.id }, ctx);
    const [after] = await db.handle().db.select().from(attachments).where(eq(attachments.id, file!.id));
    expect(after!.certifiedBy).toBe(mari.id);
    expect(after!.certifiedAt).toBeInstanceOf(Date);
  });
});
