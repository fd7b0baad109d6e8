import { and, asc, eq, sql } from 'drizzle-orm';
import { selectRows, type Db } from '@/db/client';
import { bulkRows, bulkRuns, clients, staff } from '@/db/schema';
import { ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { issueDocumentInTransaction, type IssueResult } from '@/server/issuing/mutations';
import type { Tx } from '@/server/tx';
import { log } from '@/server/observability/log';
import { TemplateDataError } from '@/server/pdf';

// The background job that issues bulk runs, run by the scheduler wherever the
// outbox worker runs: inside the portal on PGlite (instrumentation.ts), in every
// `npm run worker` process on PostgreSQL. One row at a time, each in its own transaction:
//   claim the row (pending, its run running) FOR UPDATE SKIP LOCKED,
//   issue it through the same function as a single document (number, render, seal, store, audit),
//   mark the row issued with the issued document's id,
// then commit. A crash anywhere before the commit leaves the row pending and nothing issued;
// another worker skips a row someone holds; the row's id is the issuance's submission id and
// `bulk_rows.issued_document_id` is unique, so even a broken claim could not issue a row twice.

/** A row that keeps failing for reasons other than its data stops being retried. */
export const MAX_ATTEMPTS = 3;

export type RunnerOptions = {
  db: Db;
  /** Stop after this many rows (tests; a tick of the scheduler is bounded by `budgetMs`). */
  maxRows?: number;
  budgetMs?: number;
  /** Tests: called inside the row's transaction after issuing, before the commit. */
  beforeCommit?: (row: { runId: string; rowNumber: number; result: IssueResult }) => Promise<void>;
};

export type RunnerResult = { issued: number; failed: number; retried: number; finished: number };

type Claimed = {
  rowId: string;
  runId: string;
  rowNumber: number;
  personalCode: string;
  data: unknown;
  templateId: string;
  method: 'handed_over' | 'email' | 'post';
  createdBy: string;
};

/** Errors that will not go away by trying again: the row fails. */
const isPermanent = (error: unknown) => error instanceof DomainError || error instanceof TemplateDataError || error instanceof ForbiddenError;
const errorKey = (error: unknown) =>
  error instanceof DomainError
    ? error.code
    : error instanceof TemplateDataError
      ? 'errors.bulkRowData'
      : error instanceof ForbiddenError
        ? 'errors.forbidden'
        : 'errors.generic';

async function claim(tx: Tx): Promise<Claimed | null> {
  const [row] = await tx
    .select({
      rowId: bulkRows.id,
      runId: bulkRows.runId,
      rowNumber: bulkRows.rowNumber,
      personalCode: bulkRows.personalCode,
      data: bulkRows.data,
      templateId: bulkRuns.templateId,
      method: bulkRuns.method,
      createdBy: bulkRuns.createdBy,
    })
    .from(bulkRows)
    .innerJoin(bulkRuns, eq(bulkRuns.id, bulkRows.runId))
    .where(and(eq(bulkRows.status, 'pending'), eq(bulkRuns.status, 'running')))
    .orderBy(asc(bulkRuns.startedAt), asc(bulkRows.runId), asc(bulkRows.rowNumber))
    .limit(1)
    .for('update', { of: bulkRows, skipLocked: true });
  return row ?? null;
}

/** The client the notice goes to: from the register, or added to it from the file's name. */
async function clientFor(tx: Tx, personalCode: string, data: unknown): Promise<string> {
  const name = String((data as { client?: { name?: unknown } })?.client?.name ?? '').trim();
  const parts = name.split(/\s+/);
  const familyName = parts.length > 1 ? parts.pop()! : name;
  await tx
    .insert(clients)
    .values({ personalCode, givenName: parts.join(' ') || name, familyName })
    .onConflictDoNothing();
  const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.personalCode, personalCode));
  return client!.id;
}

/** Runs that have no pending row left (none held by another worker either) are finished. */
async function finishRuns(db: Db): Promise<number> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`update bulk_runs r
        set status = case when exists (select 1 from bulk_rows w where w.run_id = r.id and w.status = 'issued')
                          then 'completed'::bulk_run_status else 'failed'::bulk_run_status end,
            finished_at = now()
        where r.status = 'running'
          and not exists (select 1 from bulk_rows w where w.run_id = r.id and w.status = 'pending')
        returning r.id`,
  );
  return rows.length;
}

export async function processBulkRuns(options: RunnerOptions): Promise<RunnerResult> {
  const { db } = options;
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const result: RunnerResult = { issued: 0, failed: 0, retried: 0, finished: 0 };
  while (result.issued + result.failed < (options.maxRows ?? Infinity) && Date.now() < deadline) {
    let claimed: Claimed | null = null;
    try {
      const done = await db.transaction(async (tx) => {
        claimed = await claim(tx);
        if (!claimed) return false;
        const [creator] = await tx.select().from(staff).where(eq(staff.id, claimed.createdBy));
        if (!creator?.isActive) throw new ForbiddenError('documents.issue');
        const actor = { id: creator.id, personalCode: creator.personalCode, roles: creator.roles, unitCode: creator.unitCode };
        const issued = await issueDocumentInTransaction(
          tx,
          actor,
          {
            templateId: claimed.templateId,
            data: claimed.data,
            method: claimed.method,
            clientId: await clientFor(tx, claimed.personalCode, claimed.data),
            fromDocumentId: '',
            submissionId: claimed.rowId,
          },
          { requestId: `bulk-${claimed.runId}` },
        );
        await tx
          .update(bulkRows)
          .set({ status: 'issued', issuedDocumentId: issued.issuedId, error: null, updatedAt: sql`now()` })
          .where(and(eq(bulkRows.id, claimed.rowId), eq(bulkRows.status, 'pending')));
        await options.beforeCommit?.({ runId: claimed.runId, rowNumber: claimed.rowNumber, result: issued });
        return true;
      });
      if (!done) break;
      result.issued++;
    } catch (error) {
      const row = claimed as Claimed | null;
      if (!row) throw error;
      // The issuing rolled back: nothing was registered for this row.
      const permanent = isPermanent(error);
      const [after] = await db
        .update(bulkRows)
        .set({
          attempts: sql`${bulkRows.attempts} + 1`,
          error: errorKey(error),
          updatedAt: sql`now()`,
          ...(permanent ? { status: 'failed' as const } : {}),
        })
        .where(and(eq(bulkRows.id, row.rowId), eq(bulkRows.status, 'pending')))
        .returning({ attempts: bulkRows.attempts });
      if (!permanent && after && after.attempts >= MAX_ATTEMPTS) {
        await db
          .update(bulkRows)
          .set({ status: 'failed', updatedAt: sql`now()` })
          .where(and(eq(bulkRows.id, row.rowId), eq(bulkRows.status, 'pending')));
      }
      log('bulk').warn({ event: permanent ? 'row-failed' : 'row-retry', run: row.runId, row: row.rowNumber, err: error });
      if (permanent || (after && after.attempts >= MAX_ATTEMPTS)) {
        result.failed++;
      } else {
        // Something outside the row (the database, the renderer): try again on the next tick.
        result.retried++;
        break;
      }
    }
  }
  result.finished = await finishRuns(db);
  return result;
}
