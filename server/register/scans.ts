// Scanned files of a document: their limits and checks before anything is written, storing
// them as attachments, adding scans to a registered document, and certifying a copy.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, documents } from '@/db/schema';
import { SCAN_TYPES } from '@/lib/register-schema';
import { loweredBy, MB, UPLOAD_MB } from '@/lib/upload-limits';
import { authorize } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { checkFile, safeFileName } from '@/server/files/check-upload';
import { assertFilesArrived, type UploadedFile } from '@/server/files/form-with-files';
import { databaseStorage } from '@/server/files/storage';
import type { RequestContext } from '@/server/observability/context';
import type { Tx } from '@/server/tx';
import type { RegisterActor } from './visibility';
import { addEvent, auditChange, lockDocument } from './write-helpers';

// lib/upload-limits.ts: the environment may lower the register's limits, never raise them
// above what nginx and Next let through.
export const uploadLimits = () => ({
  fileBytes: loweredBy(process.env.ATTACHMENT_MAX_MB, UPLOAD_MB.scanMb),
  documentBytes: loweredBy(process.env.DOCUMENT_MAX_MB, UPLOAD_MB.documentScansMb),
});

const fileErrorKeys = {
  empty: 'errors.fileEmpty',
  'too-large': 'errors.fileTooLarge',
  'unknown-type': 'errors.fileType',
  'type-not-allowed': 'errors.fileType',
  'name-mismatch': 'errors.fileNameMismatch',
} as const;

/** Checks every file before anything is written: one bad file refuses the whole registration. */
export function checkScans(files: UploadedFile[]) {
  assertFilesArrived(files);
  const limits = uploadLimits();
  let total = 0;
  return files.map((file) => {
    const name = safeFileName(file.name);
    const check = checkFile(name, file.bytes, { allowed: SCAN_TYPES, maxBytes: limits.fileBytes });
    if (!check.ok) throw new DomainError(fileErrorKeys[check.error], 'files', { name, mb: String(limits.fileBytes / MB) });
    total += file.bytes.length;
    if (total > limits.documentBytes) throw new DomainError('errors.documentTooLarge', 'files', { mb: String(limits.documentBytes / MB) });
    return { name, mime: check.mime, bytes: file.bytes, sha256: createHash('sha256').update(file.bytes).digest('hex') };
  });
}

/** Stores checked scans as the document's attachments, in the registering transaction. */
export async function storeScans(tx: Tx, actor: { id: string }, documentId: string, scans: ReturnType<typeof checkScans>) {
  for (const scan of scans) {
    const [row] = await tx
      .insert(attachments)
      .values({
        documentId,
        fileName: scan.name,
        mimeType: scan.mime,
        size: scan.bytes.length,
        sha256: scan.sha256,
        storage: databaseStorage.kind,
        uploadedBy: actor.id,
      })
      .returning({ id: attachments.id });
    await databaseStorage.put(tx, row!.id, scan.bytes);
  }
}

export async function addScans(actor: RegisterActor, documentId: string, files: UploadedFile[], ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  if (files.length === 0) throw new DomainError('errors.noFiles', 'files');
  const scans = checkScans(files);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const doc = await lockDocument(tx, actor, documentId, 'frontDesk');
    await storeScans(tx, actor, doc.id, scans);
    // New pages change what the card shows: a decision made on the card before is looked at again.
    await tx
      .update(documents)
      .set({ updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
    await addEvent(tx, doc.id, actor, 'attachments_added', { files: scans.map((s) => s.name) });
    await auditChange(tx, actor, role, 'document.attach', doc, ctx, { files: scans.map((s) => s.sha256) });
  });
}

/** Duty 3.3.1: "koopia õige" — who certified the copy, and when. */
export async function certifyAttachment(actor: RegisterActor, input: { attachmentId: string }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'register.write');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [attachment] = await tx.select().from(attachments).where(eq(attachments.id, input.attachmentId)).for('update');
    if (!attachment) throw new DomainError('errors.notFound');
    const doc = await lockDocument(tx, actor, attachment.documentId);
    if (attachment.certifiedAt) return;
    await tx
      .update(attachments)
      .set({ certifiedBy: actor.id, certifiedAt: sql`now()` })
      .where(eq(attachments.id, attachment.id));
    await addEvent(tx, doc.id, actor, 'certified_copy', { file: attachment.fileName });
    await auditChange(tx, actor, role, 'document.certify_copy', doc, ctx, { attachment: attachment.id });
  });
}
