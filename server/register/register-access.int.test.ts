// The register: who sees what of a document (entry or contents), audited views and downloads, and the search and list pages.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, documents } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import type { Role } from '@/lib/roles';
import { ForbiddenError } from '@/server/auth/policy';
import { setupTestDatabase } from '@/test/db';
import { forwardDocument, setDocumentStatus } from './forward';
import { registerDocument } from './register-document';
import { registerReply } from './reply';
import { documentSearchQuery, plannedPerRun, searchDocuments } from './search';
import { getDocumentCard } from './document-card';
import { readAttachment } from './attachment-download';
import type { RegisterActor } from './visibility';
import { pensionApplicationInput, registerActorFor, registerCounts, scanPdf } from '@/test/register';
import { versionNow } from '@/test/versions';

const db = setupTestDatabase();
/** The version the document's card shows now (lib/record-version.ts). */
const cardVersion = (id: string) => versionNow(db.handle().db, 'documents', id);
const pdf = scanPdf;
const ctx = { requestId: 'test' };

let mari: RegisterActor; // customer service specialist, Tallinn
let eha: RegisterActor; // pensions specialist
let rasmus: RegisterActor; // pensions head (specialist + manager)
let admin: RegisterActor;

const actorFor = (code: string) => registerActorFor(db.handle().db, code);

const form = pensionApplicationInput;

const counts = () => registerCounts(db.handle().db);

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
  eha = await actorFor('48710242983');
  rasmus = await actorFor('39203173055');
  admin = await actorFor('37906062915');
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
    // An English reader's list names the type and the department in English.
    expect((await searchDocuments(other, { number, locale: 'en' })).rows[0]).toMatchObject({
      unitName: 'Pensions Department',
      typeName: 'Pension application',
    });
    expect(await readAttachment(other, file!.id, ctx)).toBeNull();
    const before = await db.handle().db.select().from(documents).where(eq(documents.id, id));
    await expect(
      forwardDocument(other, { documentId: id, version: await cardVersion(id), unitCode: 'peretoetused', assigneeId: '', note: '' }, ctx),
    ).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    await expect(setDocumentStatus(other, { documentId: id, version: await cardVersion(id), status: 'closed' }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    await expect(
      registerReply(other, { documentId: id, version: await cardVersion(id), title: 'x', channel: 'email', closeMatter: true }, [], ctx),
    ).rejects.toMatchObject({
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
