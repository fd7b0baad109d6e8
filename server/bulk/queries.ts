import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bulkRows, bulkRuns, documents, issuedDocuments, staff } from '@/db/schema';
import type { BulkCounts, BulkProgress } from '@/templates/bulk';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { visibleRuns, type BulkActor } from './visibility';

type Ctx = { requestId: string };

const emptyCounts = (): BulkCounts => ({ pending: 0, issued: 0, failed: 0, cancelled: 0 });

async function countsFor(runIds: string[]): Promise<Map<string, BulkCounts>> {
  const result = new Map<string, BulkCounts>();
  if (runIds.length === 0) return result;
  const db = await getDb();
  const rows = await db
    .select({ runId: bulkRows.runId, status: bulkRows.status, n: sql<number>`count(*)::int` })
    .from(bulkRows)
    .where(inArray(bulkRows.runId, runIds))
    .groupBy(bulkRows.runId, bulkRows.status);
  for (const row of rows) {
    const counts = result.get(row.runId) ?? emptyCounts();
    counts[row.status] = Number(row.n);
    result.set(row.runId, counts);
  }
  return result;
}

/** Done = issued or failed (rows cancelled are not progress). */
const percentOf = (total: number, c: BulkCounts) => (total === 0 ? 100 : Math.floor(((c.issued + c.failed) * 100) / total));

/** What the progress bar polls: counts only, no personal data (so no audit row per poll). */
export async function bulkRunProgress(actor: BulkActor, runId: string): Promise<BulkProgress | null> {
  authorize(actor, 'documents.issue_bulk');
  const db = await getDb();
  const [run] = await db
    .select({ id: bulkRuns.id, status: bulkRuns.status, total: bulkRuns.total })
    .from(bulkRuns)
    .where(and(eq(bulkRuns.id, runId), visibleRuns(actor)));
  if (!run) return null;
  const counts = (await countsFor([run.id])).get(run.id) ?? emptyCounts();
  return { ...run, counts, percent: percentOf(run.total, counts) };
}

/** The person's runs (a manager's also their team's), newest first. */
export async function listBulkRuns(actor: BulkActor, limit = 20) {
  authorize(actor, 'documents.issue_bulk');
  const db = await getDb();
  const runs = await db
    .select({
      id: bulkRuns.id,
      templateId: bulkRuns.templateId,
      fileName: bulkRuns.fileName,
      status: bulkRuns.status,
      total: bulkRuns.total,
      createdAt: bulkRuns.createdAt,
      createdBy: sql<string>`${staff.givenName} || ' ' || ${staff.familyName}`,
    })
    .from(bulkRuns)
    .innerJoin(staff, eq(staff.id, bulkRuns.createdBy))
    .where(visibleRuns(actor))
    .orderBy(desc(bulkRuns.createdAt))
    .limit(limit);
  const counts = await countsFor(runs.map((r) => r.id));
  return runs.map((r) => {
    const c = counts.get(r.id) ?? emptyCounts();
    return { ...r, counts: c, percent: percentOf(r.total, c) };
  });
}

/**
 * One run with its rows (personal codes, the documents issued). Opening it shows clients'
 * personal codes, so it is audited once per view, with its purpose.
 */
export async function getBulkRun(actor: BulkActor, runId: string, ctx: Ctx) {
  const role = authorize(actor, 'documents.issue_bulk');
  const db = await getDb();
  const [run] = await db
    .select({
      id: bulkRuns.id,
      templateId: bulkRuns.templateId,
      templateVersion: bulkRuns.templateVersion,
      method: bulkRuns.method,
      fileName: bulkRuns.fileName,
      status: bulkRuns.status,
      total: bulkRuns.total,
      createdAt: bulkRuns.createdAt,
      startedAt: bulkRuns.startedAt,
      finishedAt: bulkRuns.finishedAt,
      createdById: bulkRuns.createdBy,
      createdBy: sql<string>`${staff.givenName} || ' ' || ${staff.familyName}`,
    })
    .from(bulkRuns)
    .innerJoin(staff, eq(staff.id, bulkRuns.createdBy))
    .where(and(eq(bulkRuns.id, runId), visibleRuns(actor)));
  if (!run) return null;
  const rows = await db
    .select({
      rowNumber: bulkRows.rowNumber,
      personalCode: bulkRows.personalCode,
      name: sql<string>`${bulkRows.data} -> 'client' ->> 'name'`,
      status: bulkRows.status,
      error: bulkRows.error,
      issuedId: bulkRows.issuedDocumentId,
      documentId: issuedDocuments.documentId,
      number: documents.number,
    })
    .from(bulkRows)
    .leftJoin(issuedDocuments, eq(issuedDocuments.id, bulkRows.issuedDocumentId))
    .leftJoin(documents, eq(documents.id, issuedDocuments.documentId))
    .where(eq(bulkRows.runId, runId))
    .orderBy(asc(bulkRows.rowNumber));
  const counts = emptyCounts();
  for (const row of rows) counts[row.status]++;
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'bulk_run.view',
      entityType: 'bulk_run',
      entityId: runId,
      purpose: 'hulgiväljastuse jälgimine',
      requestId: ctx.requestId,
      details: { rows: rows.length },
    },
    db,
  );
  return { ...run, rows, counts, percent: percentOf(run.total, counts), mine: run.createdById === actor.id };
}
