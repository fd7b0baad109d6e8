// A document's file for download: only for those who may see the document, and audited.
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, clients, documents } from '@/db/schema';
import { auditRefusal } from '@/server/audit/refusal';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { databaseStorage } from '@/server/files/storage';
import { visibleDocuments, withHeldWorkNow, type RegisterActor } from './visibility';

/** File bytes for a download, only for a document the actor may see; the download is audited. */
export async function readAttachment(actor: RegisterActor, attachmentId: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [row] = await db
    .select({ attachment: attachments, number: documents.number, clientCode: clients.personalCode })
    .from(attachments)
    .innerJoin(documents, eq(documents.id, attachments.documentId))
    .leftJoin(clients, eq(clients.id, documents.clientId))
    .where(and(eq(attachments.id, attachmentId), visibleDocuments(actor)));
  if (!row) {
    // Another unit's restricted scan: "not found", as a missing one; the attempt is audited.
    const [hidden] = await db
      .select({ clientCode: clients.personalCode })
      .from(attachments)
      .innerJoin(documents, eq(documents.id, attachments.documentId))
      .leftJoin(clients, eq(clients.id, documents.clientId))
      .where(eq(attachments.id, attachmentId));
    if (hidden)
      await auditRefusal(
        actor,
        'attachment.download',
        { entityType: 'attachment', entityId: attachmentId, subjectCode: hidden.clientCode, reason: 'out_of_scope' },
        ctx.requestId,
      );
    return null;
  }
  const bytes = await databaseStorage.get(db, attachmentId);
  if (!bytes) return null;
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'attachment.download',
      entityType: 'attachment',
      entityId: attachmentId,
      subjectCode: row.clientCode,
      purpose: `dokument ${row.number}`,
      requestId: ctx.requestId,
    },
    db,
  );
  return { ...row.attachment, bytes };
}
