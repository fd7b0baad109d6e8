import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bulkRows, bulkRuns, staff } from '@/db/schema';
import { validateBulkCsv, type BulkValidation } from '@/templates/bulk';
import type { IssueMethodValue } from '@/lib/issuing-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { getTemplate } from '@/templates/registry';
import { visibleRuns, type BulkActor } from './visibility';

type Ctx = { requestId: string };

export type BulkUpload = { templateId: string; method: IssueMethodValue; fileName: string; bytes: Uint8Array };
export type BulkUploadResult = { valid: true; runId: string; total: number } | ({ valid: false } & Extract<BulkValidation, { ok: false }>);

/**
 * Checks an uploaded CSV against the template (lib/bulk-notices.ts). A file with any problem
 * is answered with its report and nothing is stored; a valid one is stored as a run that
 * waits for the person to confirm it ("Väljasta N dokumenti"): nothing is issued yet.
 */
export async function uploadBulkRun(actor: BulkActor, input: BulkUpload, ctx: Ctx): Promise<BulkUploadResult> {
  const role = authorize(actor, 'documents.issue_bulk');
  authorize(actor, 'documents.issue');
  const template = getTemplate(input.templateId);
  if (!template) throw new DomainError('errors.bulkTemplate', 'templateId');
  const db = await getDb();
  const [me] = await db.select().from(staff).where(eq(staff.id, actor.id));
  const signer = { name: me ? `${me.givenName} ${me.familyName}` : '', title: me?.title ?? '', email: me?.email ?? '', phone: me?.phone ?? '' };
  const checked = validateBulkCsv(input.templateId, input.bytes, signer);
  if (!checked.ok) return { valid: false, ...checked };
  const fileName = (input.fileName.replace(/[\u0000-\u001f<>]/g, '').trim() || 'fail.csv').slice(0, 200);
  const runId = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(bulkRuns)
      .values({
        templateId: template.meta.id,
        templateVersion: template.meta.version,
        method: input.method,
        fileName,
        total: checked.rows.length,
        createdBy: actor.id,
      })
      .returning({ id: bulkRuns.id });
    for (let i = 0; i < checked.rows.length; i += 250) {
      await tx
        .insert(bulkRows)
        .values(checked.rows.slice(i, i + 250).map((r) => ({ runId: run!.id, rowNumber: r.row, personalCode: r.personalCode, data: r.data as object })));
    }
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'bulk_run.upload',
      entityType: 'bulk_run',
      entityId: run!.id,
      requestId: ctx.requestId,
      details: { template: template.meta.id, rows: checked.rows.length, file: fileName },
    });
    return run!.id;
  });
  return { valid: true, runId, total: checked.rows.length };
}

/** "Väljasta N dokumenti": the background job starts issuing the run's rows. */
export async function startBulkRun(actor: BulkActor, runId: string, ctx: Ctx): Promise<void> {
  const role = authorize(actor, 'documents.issue_bulk');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [run] = await tx
      .update(bulkRuns)
      .set({ status: 'running', startedAt: sql`now()` })
      .where(and(eq(bulkRuns.id, runId), eq(bulkRuns.status, 'validated'), visibleRuns(actor)))
      .returning({ id: bulkRuns.id, total: bulkRuns.total });
    if (!run) throw new DomainError('errors.bulkNotStartable');
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'bulk_run.start',
      entityType: 'bulk_run',
      entityId: runId,
      requestId: ctx.requestId,
      details: { rows: run.total },
    });
  });
}

/**
 * Stops a run: rows not yet issued are cancelled; rows already issued stay issued. A row
 * being issued at this moment is locked by its worker: this waits for it, and it stays issued.
 */
export async function cancelBulkRun(actor: BulkActor, runId: string, ctx: Ctx): Promise<{ cancelledRows: number }> {
  const role = authorize(actor, 'documents.issue_bulk');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [run] = await tx
      .update(bulkRuns)
      .set({ status: 'cancelled', finishedAt: sql`now()`, cancelledBy: actor.id })
      .where(and(eq(bulkRuns.id, runId), inArray(bulkRuns.status, ['validated', 'running']), visibleRuns(actor)))
      .returning({ id: bulkRuns.id });
    if (!run) throw new DomainError('errors.bulkNotCancellable');
    const cancelled = await tx
      .update(bulkRows)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(and(eq(bulkRows.runId, runId), eq(bulkRows.status, 'pending')))
      .returning({ id: bulkRows.id });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'bulk_run.cancel',
      entityType: 'bulk_run',
      entityId: runId,
      requestId: ctx.requestId,
      details: { cancelledRows: cancelled.length },
    });
    return { cancelledRows: cancelled.length };
  });
}
