import { and, count, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, bulkRows, bulkRuns, documents, issuedDocuments, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { makePersonalCode } from '@/lib/personal-code';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { readIssuedPdf } from '@/server/issuing/queries';
import { setupTestDatabase } from '@/test/db';
import { withDevelopmentSeal } from '@/test/seal';
import { pdfText } from '@/test/pdf';
import { cancelBulkRun, startBulkRun, uploadBulkRun } from './mutations';
import { bulkRunProgress, getBulkRun, listBulkRuns } from './queries';
import { processBulkRuns } from './runner';
import type { BulkActor } from './visibility';

const db = setupTestDatabase();
const ctx = { requestId: 'test' };
withDevelopmentSeal('toolaud-bulk-');
const HEADER = 'isikukood;nimi;aadress;taotlus;taotluse number;taotlus saabunud;dokumendid;tähtaeg;märkus';

let mari: BulkActor; // customer-service specialist
let juri: BulkActor; // her manager
let eha: BulkActor; // pensions specialist, another unit
let others: BulkActor[]; // IT support, finance, admin

const actorFor = async (code: string): Promise<BulkActor> => {
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, code));
  return { id: row!.id, personalCode: row!.personalCode, roles: row!.roles, unitCode: row!.unitCode, regionCode: row!.regionCode };
};

let serial = 0;
/** A valid file of `n` clients, each with a fresh personal code. */
function csv(n: number): { bytes: Uint8Array; codes: string[] } {
  const codes = Array.from({ length: n }, () => makePersonalCode('1958-03-21', serial % 2 ? 'male' : 'female', ++serial));
  const lines = codes.map(
    (code, i) => `${code};Klient Õunapuu${'a'.repeat(i % 4)};Jõe tn 9-3, 80010 Pärnu;vanaduspensioni taotlus;2-1/${i};12.11.2026;Pangakonto andmed;14.12.2026;`,
  );
  return { bytes: new TextEncoder().encode(`\uFEFF${HEADER}\r\n${lines.join('\r\n')}\r\n`), codes };
}

async function validRun(actor: BulkActor, n: number) {
  const file = csv(n);
  const result = await uploadBulkRun(actor, { templateId: 'missing-documents-notice', method: 'post', fileName: 'teatised.csv', bytes: file.bytes }, ctx);
  if (!result.valid) throw new Error(JSON.stringify(result));
  return { runId: result.runId, codes: file.codes };
}

const tableCount = async (table: typeof bulkRuns | typeof bulkRows | typeof issuedDocuments) => (await db.handle().db.select({ n: count() }).from(table))[0]!.n;

/** The documents issued for a run, by the request id its rows are issued under. */
async function issuedFor(runId: string) {
  const d = db.handle().db;
  const rows = await d.select().from(bulkRows).where(eq(bulkRows.runId, runId));
  const issued = await d
    .select({
      id: issuedDocuments.id,
      submissionId: issuedDocuments.submissionId,
      number: documents.number,
      direction: documents.direction,
      typeCode: documents.typeCode,
      isRestricted: documents.isRestricted,
    })
    .from(issuedDocuments)
    .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
    .where(
      inArray(
        issuedDocuments.submissionId,
        rows.map((r) => r.id),
      ),
    );
  return { rows, issued };
}

beforeAll(async () => {
  await seedDemo(db.handle().db);
  mari = await actorFor('47805122004');
  juri = await actorFor('37509182078');
  eha = await actorFor('48710242983');
  others = await Promise.all(['39512022777', '46701202843', '37906062915'].map(actorFor));
});

describe('bulk notices', () => {
  it('stores nothing for an invalid file and answers with the per-row report', async () => {
    const before = await Promise.all([tableCount(bulkRuns), tableCount(bulkRows), tableCount(issuedDocuments)]);
    const bad = `${HEADER}\n38001085710;Tõnis Põldmäe;;taotlus;2-1/1;12.11.2026;Pass;14.12.2026;\n`;
    const result = await uploadBulkRun(
      mari,
      { templateId: 'missing-documents-notice', method: 'post', fileName: 'x.csv', bytes: new TextEncoder().encode(bad) },
      ctx,
    );
    expect(result).toMatchObject({ valid: false, rowErrors: [{ row: 2, column: 'isikukood', key: 'errors.personalCode' }] });
    expect(await Promise.all([tableCount(bulkRuns), tableCount(bulkRows), tableCount(issuedDocuments)])).toEqual(before);
  });

  it('issues a run of N rows as N distinct registered, sealed documents, only after it is started', async () => {
    const n = 6;
    const { runId, codes } = await validRun(mari, n);
    // Validated but not started: the job leaves it alone.
    await processBulkRuns({ db: db.handle().db });
    expect(await bulkRunProgress(mari, runId)).toMatchObject({ status: 'validated', total: n, counts: { pending: n, issued: 0 } });

    await startBulkRun(mari, runId, ctx);
    await expect(startBulkRun(mari, runId, ctx)).rejects.toThrow(DomainError);
    const result = await processBulkRuns({ db: db.handle().db });
    expect(result).toMatchObject({ issued: n, failed: 0 });
    expect(await bulkRunProgress(mari, runId)).toMatchObject({ status: 'completed', counts: { issued: n, pending: 0 }, percent: 100 });

    const { rows, issued } = await issuedFor(runId);
    expect(issued).toHaveLength(n);
    expect(new Set(issued.map((i) => i.number)).size).toBe(n);
    expect(issued.every((i) => i.direction === 'outgoing' && /^\d-\d\/\d+$/.test(i.number))).toBe(true);
    expect(rows.every((r) => r.status === 'issued' && issued.some((i) => i.id === r.issuedDocumentId && i.submissionId === r.id))).toBe(true);
    // Each is audited as a document issued to its client, by Mari.
    const audits = await db
      .handle()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.issue'), eq(auditLog.requestId, `bulk-${runId}`)));
    expect(audits.map((a) => a.subjectCode).sort()).toEqual([...codes].sort());
    expect(audits.every((a) => a.actorCode === mari.personalCode)).toBe(true);

    const view = await getBulkRun(mari, runId, ctx);
    expect(view?.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(view?.rows.every((r) => r.number && r.issuedId)).toBe(true);
  });

  it('issues benefit certificates from a file the same way, with the pension named as the file names it', async () => {
    const codes = [makePersonalCode('1950-01-05', 'female', ++serial), makePersonalCode('1952-07-09', 'male', ++serial)];
    const file = [
      'isikukood;nimi;hüvitis;alates;kuni;kuusumma;kellele',
      `${codes[0]};Õie Jõesaar;vanaduspension;01.04.2020;;812,46;Tallinna Linnavalitsusele`,
      `${codes[1]};Tõnu Kask;rahvapension;01.01.2024;31.12.2026;342,80;Tartu Linnavalitsusele`,
    ].join('\r\n');
    const upload = await uploadBulkRun(
      mari,
      { templateId: 'benefit-certificate', method: 'post', fileName: 'toendid.csv', bytes: new TextEncoder().encode(file) },
      ctx,
    );
    if (!upload.valid) throw new Error(JSON.stringify(upload));
    await startBulkRun(mari, upload.runId, ctx);
    expect(await processBulkRuns({ db: db.handle().db })).toMatchObject({ issued: 2, failed: 0 });
    const { issued } = await issuedFor(upload.runId);
    expect(issued).toHaveLength(2);
    // Registered as certificates, with the register's restriction as for one issued alone.
    expect(issued.every((i) => i.direction === 'outgoing' && i.typeCode === 'certificate' && i.isRestricted)).toBe(true);
    const texts = await Promise.all(issued.map(async (i) => pdfText((await readIssuedPdf(mari, i.id, ctx))!.bytes)));
    expect(texts.some((t) => t.includes('vanaduspension') && t.includes('812,46') && t.includes('Tallinna Linnavalitsusele'))).toBe(true);
    expect(texts.some((t) => t.includes('rahvapension') && t.includes('31.12.2026'))).toBe(true);
    expect(texts.every((t) => t.includes('ASUTUSESISESEKS KASUTAMISEKS'))).toBe(true);
  });

  it('two workers processing the same run at the same time never issue a row twice', async () => {
    const n = 8;
    const { runId } = await validRun(mari, n);
    await startBulkRun(mari, runId, ctx);
    const d = db.handle().db;
    const [a, b] = await Promise.all([processBulkRuns({ db: d }), processBulkRuns({ db: d })]);
    expect(a.issued + b.issued).toBe(n);
    const { rows, issued } = await issuedFor(runId);
    expect(issued).toHaveLength(n);
    expect(new Set(rows.map((r) => r.issuedDocumentId)).size).toBe(n);
    expect((await bulkRunProgress(mari, runId))?.status).toBe('completed');
  });

  it('cancel stops the remaining rows; those issued stay issued', async () => {
    const { runId } = await validRun(mari, 5);
    await startBulkRun(mari, runId, ctx);
    await processBulkRuns({ db: db.handle().db, maxRows: 2 });
    expect(await cancelBulkRun(mari, runId, ctx)).toEqual({ cancelledRows: 3 });
    await processBulkRuns({ db: db.handle().db });
    expect(await bulkRunProgress(mari, runId)).toMatchObject({ status: 'cancelled', counts: { issued: 2, cancelled: 3, pending: 0 } });
    expect((await issuedFor(runId)).issued).toHaveLength(2);
    await expect(cancelBulkRun(mari, runId, ctx)).rejects.toThrow(DomainError);
  });

  it('resumes after a crash where it stopped: the row cut short is issued once, later', async () => {
    const { runId } = await validRun(mari, 4);
    await startBulkRun(mari, runId, ctx);
    // The process dies while the third row's transaction is open (after issuing, before the commit).
    const crashed = await processBulkRuns({
      db: db.handle().db,
      beforeCommit: async ({ rowNumber }) => {
        if (rowNumber === 4) throw new Error('worker killed');
      },
    });
    expect(crashed).toMatchObject({ issued: 2, retried: 1 });
    const mid = await issuedFor(runId);
    expect(mid.issued).toHaveLength(2);
    expect(mid.rows.find((r) => r.rowNumber === 4)).toMatchObject({ status: 'pending', attempts: 1, issuedDocumentId: null });
    expect((await bulkRunProgress(mari, runId))?.status).toBe('running');

    // A new worker (the restarted process) continues.
    expect(await processBulkRuns({ db: db.handle().db })).toMatchObject({ issued: 2, failed: 0 });
    const after = await issuedFor(runId);
    expect(after.issued).toHaveLength(4);
    expect(after.rows.every((r) => r.status === 'issued')).toBe(true);
    expect((await bulkRunProgress(mari, runId))?.status).toBe('completed');
  });

  it('refuses IT support, finance and administrators with nothing written; others’ runs are out of reach', async () => {
    const before = await Promise.all([tableCount(bulkRuns), tableCount(bulkRows)]);
    for (const actor of others) {
      await expect(
        uploadBulkRun(actor, { templateId: 'missing-documents-notice', method: 'post', fileName: 'x.csv', bytes: csv(2).bytes }, ctx),
      ).rejects.toThrow(ForbiddenError);
      await expect(listBulkRuns(actor)).rejects.toThrow(ForbiddenError);
    }
    expect(await Promise.all([tableCount(bulkRuns), tableCount(bulkRows)])).toEqual(before);

    const { runId } = await validRun(mari, 2);
    for (const actor of others) {
      await expect(startBulkRun(actor, runId, ctx)).rejects.toThrow(ForbiddenError);
      await expect(cancelBulkRun(actor, runId, ctx)).rejects.toThrow(ForbiddenError);
      await expect(bulkRunProgress(actor, runId)).rejects.toThrow(ForbiddenError);
    }
    // A specialist of another unit neither sees, starts nor cancels Mari's run.
    expect(await bulkRunProgress(eha, runId)).toBeNull();
    expect(await getBulkRun(eha, runId, ctx)).toBeNull();
    await expect(startBulkRun(eha, runId, ctx)).rejects.toThrow(DomainError);
    await expect(cancelBulkRun(eha, runId, ctx)).rejects.toThrow(DomainError);
    expect((await listBulkRuns(eha)).some((r) => r.id === runId)).toBe(false);
    expect((await bulkRunProgress(mari, runId))?.status).toBe('validated');
    // Her manager sees it and may cancel it.
    expect((await listBulkRuns(juri)).some((r) => r.id === runId)).toBe(true);
    await cancelBulkRun(juri, runId, ctx);
    expect(await bulkRunProgress(mari, runId)).toMatchObject({ status: 'cancelled', counts: { cancelled: 2 } });
    const [audit] = await db
      .handle()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bulk_run.cancel'), like(auditLog.entityId, runId)));
    expect(audit?.actorCode).toBe(juri.personalCode);
  });
});
