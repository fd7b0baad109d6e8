import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { incidentPriorityMatrix } from '@/db/schema';
import { DEFAULT_PRIORITY_MATRIX, IMPACTS, priorityMatrixSchema, URGENCIES, type IncidentPriority, type PriorityMatrix } from '@/lib/incident-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, type Actor } from '@/server/auth/policy';
import type { Queryable } from '@/server/tx';

// The ITIL priority matrix as the administrator set it: the stored cells over the defaults
// of lib/incident-schema.ts. Read in the report's own transaction, so a change applies to
// the next report on every instance at once.

export async function readPriorityMatrix(db: Queryable): Promise<PriorityMatrix> {
  const rows = await db
    .select({ impact: incidentPriorityMatrix.impact, urgency: incidentPriorityMatrix.urgency, priority: incidentPriorityMatrix.priority })
    .from(incidentPriorityMatrix);
  const matrix = Object.fromEntries(IMPACTS.map((i) => [i, { ...DEFAULT_PRIORITY_MATRIX[i] }])) as PriorityMatrix;
  for (const r of rows) {
    if ((IMPACTS as readonly string[]).includes(r.impact) && (URGENCIES as readonly string[]).includes(r.urgency)) {
      matrix[r.impact as keyof PriorityMatrix][r.urgency as keyof PriorityMatrix['high']] = r.priority;
    }
  }
  return matrix;
}

/** The matrix for the report form's preview (anyone who may report). */
export async function priorityMatrixForReport(actor: Actor): Promise<PriorityMatrix> {
  authorize(actor, 'incidents.report');
  return readPriorityMatrix(await getDb());
}

/** The administrator's page. */
export async function priorityMatrixForAdmin(actor: Actor): Promise<PriorityMatrix> {
  authorize(actor, 'incidents.rules');
  return readPriorityMatrix(await getDb());
}

/** Saves every cell; applies to incidents reported from now on (old ones keep their priority). */
export async function savePriorityMatrix(actor: Actor, input: unknown, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'incidents.rules');
  const matrix = priorityMatrixSchema.parse(input) as PriorityMatrix;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await readPriorityMatrix(tx);
    const cells: { impact: string; urgency: string; priority: IncidentPriority; updatedBy: string }[] = [];
    for (const impact of IMPACTS)
      for (const urgency of URGENCIES) cells.push({ impact, urgency, priority: matrix[impact][urgency], updatedBy: actor.personalCode });
    await tx
      .insert(incidentPriorityMatrix)
      .values(cells)
      .onConflictDoUpdate({
        target: [incidentPriorityMatrix.impact, incidentPriorityMatrix.urgency],
        set: { priority: sql`excluded.priority`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
      });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'incident_priority_matrix.update',
      entityType: 'incident_priority_matrix',
      entityId: 'matrix',
      requestId: ctx.requestId,
      details: { before, after: matrix },
    });
  });
}
