import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb, setDbHandle } from '@/db/client';
import { attachmentBlobs, attachments, auditLog, documentEvents, documents, registerCounters, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import type { Role } from '@/lib/roles';
import { verifyAuditChain } from '@/server/audit/verify';
import { ForbiddenError } from '@/server/auth/policy';
import { onlyOn, setupTestDatabase } from '@/test/db';
import {
  certifyAttachment,
  extendDeadline,
  forwardDocument,
  forwardToAuthority,
  markMissingReceived,
  registerDocument,
  registerReply,
  requestMissingDocuments,
  setDocumentStatus,
} from './mutations';
import { documentSearchQuery, plannedPerRun, searchDocuments } from './search';
import { getDocumentCard } from './document-card';
import { readAttachment } from './attachment-download';
import type { RegisterActor } from './visibility';
import { registrationInput } from '@/test/register';

const db = setupTestDatabase();
const pdf = (text = 'skaneering') => ({ name: 'taotlus.pdf', bytes: new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`) });
const ctxAt = (iso: string) => ({ requestId: 'test', now: new Date(iso) });
const ctx = { requestId: 'test' };

let mari: RegisterActor; // customer service specialist, Tallinn
let eha: RegisterActor; // pensions specialist
let rasmus: RegisterActor; // pensions head (specialist + manager)
let admin: RegisterActor;

const actorFor = async (code: string): Promise<RegisterActor> => {
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode };
};

const form = (overrides: Partial<RegisterDocumentInput> = {}) =>
  registrationInput({
    typeCode: 'pension_application',
    channel: 'in_person',
    identityChecked: true,
    identityDocumentType: 'id_card',
    identityDocumentNumber: 'AB1234567',
    identityValidUntil: '2030-01-01',
    title: 'Vanaduspensioni taotlus',
    pages: '3',
    isRestricted: true,
    restrictionGroundCode: 'avts-35-1-12',
    ...overrides,
  });

const counts = async () => {
  const [row] = await db
    .handle()
    .db.execute<{ d: number; a: number; b: number; c: number }>(
      sql`select (select count(*)::int from documents) as d, (select count(*)::int from attachments) as a,
               (select count(*)::int from attachment_blobs) as b, (select coalesce(sum(last_number), 0)::int from register_counters) as c`,
    )
    .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: never[] }).rows));
  return row;
};

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
  eha = await actorFor('48710242983');
  rasmus = await actorFor('39203173055');
  admin = await actorFor('37906062915');
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
    await forwardToAuthority(mari, { documentId: id, authority: 'Eesti Töötukassa', note: '', senderInformed: true }, ctx);
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

describe('working on a document', () => {
  it('forwards, pauses for missing documents, restarts the pension deadline, and a reply closes the matter', async () => {
    const { id, number } = await registerDocument(mari, form(), [pdf()], ctxAt('2026-11-27T10:20:00Z'));
    await forwardDocument(mari, { documentId: id, unitCode: 'pensionid', assigneeId: eha.id, note: 'Palun menetleda' }, ctx);
    // Eha (pensions) sees it in her list.
    const mine = await searchDocuments(eha, { view: 'mine' });
    expect(mine.rows.map((r) => r.number)).toContain(number);

    await setDocumentStatus(eha, { documentId: id, status: 'in_progress' }, ctx);
    const notice = await requestMissingDocuments(
      eha,
      { documentId: id, items: 'Tööraamatu koopia\nSünnitunnistus', clientDeadline: '2026-12-14', note: '' },
      ctxAt('2026-11-30T08:00:00Z'),
    );
    expect(notice.noticeNumber).toBe(`${number}-1`);
    let [doc] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    // Mon 30 Nov → Fri 18 Dec: 14 working days were left when it paused.
    expect(doc).toMatchObject({ status: 'waiting_for_client', dueDate: null, pausedDaysLeft: 14 });
    const waiting = await searchDocuments(eha, { view: 'mine', status: 'waiting_for_client' });
    expect(waiting.rows.find((r) => r.id === id)?.isPaused).toBe(true);

    // The documents arrive Mon 7 Dec: a pension decision restarts: 15 working days → 30 Dec.
    const resumed = await markMissingReceived(eha, { documentId: id, receivedOn: '2026-12-07' }, ctxAt('2026-12-07T12:00:00Z'));
    expect(resumed.dueDate).toBe('2026-12-30');

    const reply = await registerReply(eha, { documentId: id, title: 'Vastus pensionitaotlusele', channel: 'email', closeMatter: true }, [], ctx);
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
    await requestMissingDocuments(mari, { documentId: id, items: 'Volikiri', clientDeadline: '2026-11-30', note: '' }, ctxAt('2026-11-16T09:00:00Z'));
    const [paused] = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    expect(paused!.pausedDaysLeft).toBe(16);
    const resumed = await markMissingReceived(mari, { documentId: id, receivedOn: '2026-11-23' }, ctxAt('2026-11-23T12:00:00Z'));
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
    await expect(extendDeadline(mari, { documentId: id, newDueDate: '2027-01-15', reason: 'Mahukas päring' }, ctx)).rejects.toMatchObject({
      code: 'errors.extensionTooLong',
    });
    await expect(extendDeadline(mari, { documentId: id, newDueDate: '2026-12-29', reason: 'x' }, ctx)).rejects.toMatchObject({
      code: 'errors.extensionNotLater',
    });
    await extendDeadline(mari, { documentId: id, newDueDate: '2027-01-14', reason: 'Mahukas päring, vaja koguda andmeid mitmest registrist' }, ctx);
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

describe('authorization', () => {
  it('shows a specialist of another unit only the entry of a restricted document, never its contents', async () => {
    const andres = await actorFor('38207302355'); // customer service, Tartu — same unit as Mari
    const other: RegisterActor = { ...eha, id: randomUUID(), unitCode: 'peretoetused' };
    const { id, number } = await registerDocument(mari, form({ unitCode: 'pensionid', assigneeId: eha.id }), [pdf()], ctx);
    const [file] = await db.handle().db.select().from(attachments).where(eq(attachments.documentId, id));
    const entry = await getDocumentCard(other, id, ctx);
    expect(entry).toMatchObject({ access: 'entry', client: null, attachments: [], events: [], attachmentCount: 1, doc: { number, title: '' } });
    expect((await searchDocuments(other, { number })).rows).toEqual([
      expect.objectContaining({ number, title: '', party: '', clientCode: null, contentsHidden: true, unitName: 'Pensionide osakond' }),
    ]);
    expect(await readAttachment(other, file!.id, ctx)).toBeNull();
    const before = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    await expect(forwardDocument(other, { documentId: id, unitCode: 'peretoetused', assigneeId: '', note: '' }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    await expect(setDocumentStatus(other, { documentId: id, status: 'closed' }, ctx)).rejects.toMatchObject({ code: 'errors.notFound' });
    await expect(registerReply(other, { documentId: id, title: 'x', channel: 'email', closeMatter: true }, [], ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    expect(await db.handle().db.select().from(documents).where(eq(documents.id, id))).toEqual(before);
    // Its unit, its assignee, managers and administrators do see it.
    expect(await getDocumentCard(eha, id, ctx)).not.toBeNull();
    expect(await getDocumentCard(rasmus, id, ctx)).not.toBeNull();
    expect(await getDocumentCard(admin, id, ctx)).not.toBeNull();
    // The registering specialist's unit is customer service: her colleague sees the entry only.
    expect(await getDocumentCard(andres, id, ctx)).toMatchObject({ access: 'entry', doc: { title: '' } });
  });

  it.each(['it_support', 'finance'] as Role[])('refuses %s the register entirely', async (role) => {
    const actor: RegisterActor = { ...mari, roles: [role] };
    const before = await counts();
    await expect(searchDocuments(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerDocument(actor, form(), [pdf()], ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });

  it('lets an administrator read but not register', async () => {
    await expect(registerDocument(admin, form(), [], ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await searchDocuments(admin, {})).rows.length).toBeGreaterThan(0);
  });

  it('audits every view and download with the client’s code', async () => {
    const { id } = await registerDocument(mari, form({ assigneeId: eha.id }), [pdf()], ctx);
    const [file] = await db.handle().db.select().from(attachments).where(eq(attachments.documentId, id));
    await getDocumentCard(eha, id, { requestId: 'r1', purpose: 'pensioni määramine' });
    const download = await readAttachment(eha, file!.id, ctx);
    expect(new TextDecoder().decode(download!.bytes)).toContain('skaneering');
    const rows = await db.handle().db.select().from(auditLog).where(eq(auditLog.actorCode, eha.personalCode));
    expect(rows.map((r) => [r.action, r.subjectCode])).toEqual(
      expect.arrayContaining([
        ['document.view', '60001019906'],
        ['attachment.download', '60001019906'],
      ]),
    );
    expect(rows.find((r) => r.action === 'document.view' && r.requestId === 'r1')?.purpose).toBe('pensioni määramine');
  });
});

describe('lists', () => {
  it('pages with a keyset cursor without repeating or skipping rows', async () => {
    const all = await searchDocuments(admin, { limit: 500 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchDocuments(admin, { limit: 3, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.rows.map((r) => r.id));
    const byDue = await searchDocuments(admin, { sort: 'due', limit: 500 });
    const dues = byDue.rows.map((r) => r.dueDate ?? '9999-12-31');
    expect([...dues].sort()).toEqual(dues);
  });

  it('finds by personal code and by name', async () => {
    expect((await searchDocuments(rasmus, { client: '60001019906' })).rows.length).toBeGreaterThan(0);
    expect((await searchDocuments(rasmus, { client: 'connež' })).rows.length).toBeGreaterThan(0);
  });

  it("a search by part of a name finds the same rows by the matching clients' ids as by filtering every row", async () => {
    // searchDocuments looks the few matching clients up first (trigram index); the plain
    // join filter (documentSearchQuery without clientIds) is the fallback for many.
    const handle = db.handle();
    const today = new Date().toISOString().slice(0, 10);
    for (const q of ['connež', 'ONNE', 'Linnavalitsus', 'a', '%', 'nobody-is-called-this']) {
      const viaIds = (await searchDocuments(admin, { client: q, limit: 500 })).rows.map((r) => r.id);
      const viaJoin = (await documentSearchQuery(handle.db, admin, { client: q, limit: 500 }, today)).map((r) => r.doc.id);
      expect(viaIds, q).toEqual(viaJoin.slice(0, 500));
    }
    expect((await searchDocuments(admin, { client: 'connež' })).rows.length).toBeGreaterThan(0);
    expect((await searchDocuments(admin, { client: '%' })).rows).toEqual([]);
  });
  it('browsing the list and its tabs runs prepared; a search with typed values is planned for its values', () => {
    for (const browse of [{}, { view: 'mine' }, { view: 'unit', status: 'open' }, { status: 'open', sort: 'due' }, { cursor: 'x' }] as const)
      expect(plannedPerRun(browse), JSON.stringify(browse)).toBe(false);
    for (const search of [
      { client: 'Tamm' },
      { number: '2-1/5' },
      { typeCode: 'general_letter' },
      { status: 'closed' },
      { from: '2026-01-01' },
      { overdueOnly: true },
    ] as const)
      expect(plannedPerRun(search), JSON.stringify(search)).toBe(true);
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
