import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { paymentBatches } from '@/db/schema';
import { appendAudit, recordAudit } from '@/server/audit/record';
import { authorize, can } from '@/server/auth/policy';
import type { Download } from '@/server/http/download';
import type { RequestContext } from '@/server/observability/context';
import type { PaymentActor } from './scope';

/** The batch's file, as handed over; each download is counted and audited. Finance only. */
export async function downloadBatch(actor: PaymentActor, batchId: string, ctx: RequestContext): Promise<{ fileName: string; xml: string } | null> {
  const role = authorize(actor, 'payments.batch');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .update(paymentBatches)
      .set({ downloadCount: sql`${paymentBatches.downloadCount} + 1`, lastDownloadedAt: ctx.now ?? sql`now()` })
      .where(eq(paymentBatches.id, batchId))
      .returning({ messageId: paymentBatches.messageId, xml: paymentBatches.xml });
    if (!batch) return null;
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'payment_batch.download',
      entityType: 'payment_batch',
      entityId: batchId,
      requestId: ctx.requestId,
      details: { messageId: batch.messageId },
    });
    return { fileName: `${batch.messageId}.xml`, xml: batch.xml };
  });
}

/**
 * The batch's pain.001 file as a download. Anyone but finance gets nothing, and the refusal
 * is audited (a payment file is worth knowing who tried for).
 */
export async function exportPaymentBatch(actor: PaymentActor, batchId: string, ctx: RequestContext): Promise<Download | null> {
  if (!can(actor, 'payments.batch')) {
    await recordAudit({
      actorCode: actor.personalCode,
      actorRole: actor.roles.join(','),
      action: 'payment_batch.download',
      outcome: 'denied',
      entityType: 'payment_batch',
      entityId: batchId,
      requestId: ctx.requestId,
      details: { permission: 'payments.batch' },
    });
    return null;
  }
  const file = await downloadBatch(actor, batchId, ctx);
  return file && { fileName: file.fileName, contentType: 'application/xml; charset=utf-8', body: file.xml };
}
