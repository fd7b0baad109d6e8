// The register: registering a document (number, deadline, scans, identity check), gapless numbering, and bad input that leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, setDbHandle } from '@/db/client';
import { attachmentBlobs, attachments, auditLog, documentEvents, documents, registerCounters } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import { verifyAuditChain } from '@/server/audit/verify';
import { onlyOn, setupTestDatabase } from '@/test/db';
import { forwardToAuthority } from './forward';
import { registerDocument } from './register-document';
import type { RegisterActor } from './visibility';
import { pensionApplicationInput, registerActorFor, registerCounts, scanPdf } from '@/test/register';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
const pdf = scanPdf;
const ctxAt = (iso: string) => ({ requestId: 'test', now: new Date(iso) });
const ctx = { requestId: 'test' };

let mari: RegisterActor; // customer service specialist, Tallinn

const actorFor = (code: string) => registerActorFor(db.handle().db, code);

const form = pensionApplicationInput;

const counts = () => registerCounts(db.handle().db);

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
});

describe('registration', () => {
  it('registers with a number, the legal deadline, the scan and the identity check', async () => {
    // Registered Fri 27 Nov 2026: 15 working days from Mon 30 Nov → Fri 18 Dec.
    const result = await registerDocument(mari, form(), [pdf()], ctxAt('2026-11-27T10:20:00Z'));
    expect(result.number).toMatch(/^2-1\/\d+$/);
    const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, result.id));
    expect(doc).toMatchObject({
      dueDate: '2026-12-18',
      status: 'registered',
      isRestricted: true,
      restrictionUntil: '2101-11-27',
      unitCode: 'klienditeenindus',
      matterId: result.id,
    });
    const files = await db.handle().db.select().from(attachments).where(eq(attachments.documentId, result.id));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ mimeType: 'application/pdf', fileName: 'taotlus.pdf' });
    const [audit] = await db
      .handle()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, result.id), eq(auditLog.action, 'document.register')));
    expect(audit).toMatchObject({ actorCode: mari.personalCode, actorRole: 'specialist', subjectCode: '60001019906' });
  });

  it('counts calendar-day deadlines and moves them off holidays', async () => {
    // Memorandum registered 25 Nov 2026: 30 days → Fri 25 Dec (holiday) → Mon 28 Dec.
    const { id } = await registerDocument(
      mari,
      form({ typeCode: 'memorandum', channel: 'post', identityChecked: false, receivedAt: '2026-11-24T16:00' }),
      [],
      ctxAt('2026-11-25T09:00:00Z'),
    );
    const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(doc!.dueDate).toBe('2026-12-28');
  });

  it('gives a document for another authority 5 working days', async () => {
    const { id } = await registerDocument(
      mari,
      form({ typeCode: 'general_letter', channel: 'post', identityChecked: false, otherAuthority: true, receivedAt: '2026-12-21T09:00' }),
      [],
      ctxAt('2026-12-21T09:00:00Z'),
    );
    const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(doc!.dueDate).toBe('2026-12-30');
    await forwardToAuthority(
      mari,
      { documentId: id, version: await versionNow(db.handle().db, 'documents', id), authority: 'Eesti Töötukassa', note: '', senderInformed: true },
      ctx,
    );
    const [after] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(after).toMatchObject({ status: 'closed', forwardedTo: 'Eesti Töötukassa' });
  });

  it('numbers are gapless per series and year, and restart in a new year', async () => {
    const year = async (iso: string) =>
      (
        await registerDocument(
          mari,
          form({ typeCode: 'information_request', receivedAt: '2026-12-30T10:00', identityChecked: false, channel: 'email' }),
          [],
          ctxAt(iso),
        )
      ).number;
    const a = await year('2026-12-31T08:00:00Z');
    const b = await year('2026-12-31T09:00:00Z');
    // 31 Dec 22:30 UTC is already 1 Jan in Tallinn: a new year, a new sequence.
    const c = await year('2026-12-31T22:30:00Z');
    const d = await year('2027-01-04T08:00:00Z');
    const n = (s: string) => Number(s.split('/').pop());
    expect(n(b)).toBe(n(a) + 1);
    expect([c, d]).toEqual(['3-2/1', '3-2/2']);
    const rows = await db.handle().db.select().from(documents).where(eq(documents.seriesCode, '3-2'));
    expect(
      rows
        .filter((r) => r.year === 2027)
        .map((r) => r.sequence)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('registers an institution as the sender', async () => {
    const { id } = await registerDocument(
      mari,
      form({
        party: 'institution',
        clientCode: '',
        clientGivenName: '',
        clientFamilyName: '',
        institutionName: 'Tallinna Linnavalitsus',
        institutionCode: '75014913',
        channel: 'dhx',
        identityChecked: false,
        typeCode: 'general_letter',
        unitCode: 'klienditeenindus',
        senderReference: '1-2/345',
        senderDate: '2026-11-20',
      }),
      [],
      ctxAt('2026-11-27T10:00:00Z'),
    );
    const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(doc).toMatchObject({ clientId: null, institutionName: 'Tallinna Linnavalitsus', senderReference: '1-2/345' });
  });

  it('a letter without scans takes its number in the statement that writes it: document, first event and audit row carry it, a double submit leaves no gap, and the audit chain verifies', async () => {
    const letter = () => form({ typeCode: 'general_letter', identityChecked: false, channel: 'post', submissionId: randomUUID() });
    const first = await registerDocument(mari, letter(), [], ctx);
    const same = letter();
    const twice = await Promise.all([registerDocument(mari, same, [], ctx), registerDocument(mari, same, [], ctx)]);
    expect(twice[0]).toEqual(twice[1]);
    const next = await registerDocument(mari, letter(), [], ctx);
    const seq = (n: string) => Number(n.split('/').pop());
    expect([seq(twice[0].number), seq(next.number)]).toEqual([seq(first.number) + 1, seq(first.number) + 2]);
    for (const { id, number } of [first, twice[0], next]) {
      const [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
      expect(doc).toMatchObject({ number, seriesCode: '1-1', sequence: seq(number), suffix: 0 });
      const [event] = await db
        .handle()
        .db.select()
        .from(documentEvents)
        .where(and(eq(documentEvents.documentId, id), eq(documentEvents.kind, 'registered')));
      expect(event!.details).toMatchObject({ number });
      const [audit] = await db
        .handle()
        .db.select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'document.register')));
      expect(audit!.details).toEqual({ number, type: 'general_letter', files: [] });
    }
    expect(await verifyAuditChain(db.handle().db)).toMatchObject({ ok: true });
  });

  it('registers a double-submitted form once', async () => {
    const same = form();
    const results = await Promise.all([registerDocument(mari, same, [pdf()], ctx), registerDocument(mari, same, [pdf()], ctx)]);
    expect(results[0]).toEqual(results[1]);
    expect(await db.handle().db.select().from(documents).where(eq(documents.submissionId, same.submissionId))).toHaveLength(1);
  });
});

describe('bad input changes nothing', () => {
  const elf = { name: 'taotlus.pdf', bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]) };
  const pngNamedPdf = { name: 'skaneering.pdf', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) };
  const empty = { name: 'tühi.pdf', bytes: new Uint8Array() };
  const huge = { name: 'suur.pdf', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x20) };
  huge.bytes.set(new TextEncoder().encode('%PDF-1.7'));

  it.each([
    ['a renamed executable', elf, 'errors.fileType'],
    ['a PNG named .pdf', pngNamedPdf, 'errors.fileNameMismatch'],
    ['an empty file', empty, 'errors.fileEmpty'],
    ['an oversized file', huge, 'errors.fileTooLarge'],
  ])('refuses %s with a clear message; no document, number or file is left', async (_what, file, code) => {
    const before = await counts();
    await expect(registerDocument(mari, form(), [pdf(), file], ctx)).rejects.toMatchObject({ code, field: 'files' });
    expect(await counts()).toEqual(before);
  });

  it('a failure inside the transaction gives the number back', async () => {
    const before = await counts();
    await expect(registerDocument(mari, form({ unitCode: 'no-such-unit' }), [pdf()], ctx)).rejects.toMatchObject({ code: 'errors.unknownReference' });
    await expect(registerDocument(mari, form({ assigneeId: randomUUID() }), [pdf()], ctx)).rejects.toMatchObject({ field: 'assigneeId' });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an invalid personal code', { clientCode: '60001019907' }],
    ['script in the title', { title: '<script>alert(1)</script>' }],
    ['a 10,000-character title', { title: 'x'.repeat(10_000) }],
    ['no identity check at the desk', { identityChecked: false }],
  ])('refuses %s', async (_what, overrides) => {
    const before = await counts();
    await expect(registerDocument(mari, form(overrides as Partial<RegisterDocumentInput>), [], ctx)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('refuses an expired identity document with a clear message', async () => {
    await expect(registerDocument(mari, form({ identityValidUntil: '2024-01-01' }), [], ctx)).rejects.toMatchObject({
      code: 'errors.identityExpired',
      field: 'identityValidUntil',
    });
  });
});

onlyOn('postgres', () =>
  describe('concurrency on PostgreSQL', () => {
    it('200 registrations from two connection pools get 200 distinct consecutive numbers', async () => {
      const poolA = db.handle();
      const poolB = await openDb({ url: db.url()!, poolMax: 20 });
      const [before] = await poolA.db
        .select()
        .from(registerCounters)
        .where(and(eq(registerCounters.seriesCode, '2-2'), eq(registerCounters.year, 2026)));
      const start = before?.lastNumber ?? 0;
      const runs: Promise<{ number: string }>[] = [];
      // getDb() is read when each call starts: alternate the process-wide handle between pools.
      for (let i = 0; i < 200; i++) {
        setDbHandle(i % 2 === 0 ? poolA : poolB);
        runs.push(registerDocument(mari, form({ typeCode: 'family_benefit_application', unitCode: 'peretoetused' }), [], ctxAt('2026-11-27T10:20:00Z')));
      }
      setDbHandle(poolA);
      const numbers = (await Promise.all(runs)).map((r) => Number(r.number.split('/')[1]));
      await poolB.close();
      expect(new Set(numbers).size).toBe(200);
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => start + i + 1));
    });
  }),
);

describe('attachments are stored once with their checksum', () => {
  it('keeps bytes and metadata in step', async () => {
    const [row] = await db
      .handle()
      .db.execute<{ n: number }>(
        sql`select count(*)::int as n from attachments a left join attachment_blobs b on b.attachment_id = a.id where b.attachment_id is null`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: never[] }).rows));
    expect(row.n).toBe(0);
    void attachmentBlobs;
  });
});
