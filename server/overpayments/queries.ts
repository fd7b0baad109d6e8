import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, overpaymentApplications, overpaymentInstalments } from '@/db/schema';
import { authorize } from '@/server/auth/policy';
import { visibleDocuments, withHeldWorkNow, type RegisterActor } from '@/server/register/visibility';

/** The structured data of an overpayment application, for whoever may see its register document. */
export async function getOverpaymentForDocument(actor: RegisterActor, documentId: string) {
  authorize(actor, 'register.read');
  const db = await getDb();
  const [row] = await db
    .select({ application: overpaymentApplications })
    .from(overpaymentApplications)
    .innerJoin(documents, eq(documents.id, overpaymentApplications.documentId))
    .where(and(eq(overpaymentApplications.documentId, documentId), visibleDocuments(await withHeldWorkNow(actor))));
  if (!row) return null;
  const schedule = await db
    .select({ seq: overpaymentInstalments.seq, dueDate: overpaymentInstalments.dueDate, amountCents: overpaymentInstalments.amountCents })
    .from(overpaymentInstalments)
    .where(eq(overpaymentInstalments.applicationId, row.application.id))
    .orderBy(asc(overpaymentInstalments.seq));
  return { ...row.application, schedule };
}
