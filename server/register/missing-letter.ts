import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { seenVersion, versionOf } from '@/lib/record-version';
import { getDb } from '@/db/client';
import { documents, issuedDocuments } from '@/db/schema';
import { ISSUE_METHODS } from '@/lib/issuing-schema';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { issueDocumentInTransaction, type IssueResult } from '@/server/issuing/mutations';
import { parseTemplateData } from '@/server/pdf';
import type { MissingDocumentsNoticeData } from '@/templates/missing-documents-notice/definition';
import type { RequestContext } from '@/server/observability/context';
import type { Tx } from '@/server/tx';
import { requestMissingInTransaction } from './missing-documents';
import type { RegisterActor } from './visibility';

export const missingLetterSchema = z.object({
  /** The application the documents are missing from. */
  documentId: z.uuid(),
  /** The application's version as the card showed it (lib/record-version.ts). */
  version: seenVersion,
  /** The notice's fields (templates/missing-documents-notice), as previewed. */
  data: z.unknown(),
  method: z.enum(ISSUE_METHODS, { error: 'errors.required' }),
  submissionId: z.uuid({ error: 'errors.required' }),
});
export type MissingLetterInput = z.input<typeof missingLetterSchema>;

/**
 * Asking for missing documents as one action: the letter the specialist prepared and
 * previewed is the request. In one transaction the application waits for the client (its
 * deadline paused), the notice is registered in the matter (`…-N`) and the letter is rendered,
 * sealed and issued into that registration. The missing items, the client's deadline and the
 * note are the letter's own. Nothing is written when any part fails.
 */
async function currentVersion(tx: Tx, documentId: string): Promise<string> {
  const [row] = await tx.select({ version: documents.version }).from(documents).where(eq(documents.id, documentId));
  return row ? versionOf(row) : '';
}

export async function requestMissingWithLetter(
  actor: RegisterActor,
  input: MissingLetterInput,
  ctx: RequestContext,
): Promise<IssueResult & { applicationId: string }> {
  const role = authorize(actor, 'register.write');
  authorize(actor, 'documents.issue');
  const form = missingLetterSchema.parse(input);
  const letter = parseTemplateData('missing-documents-notice', form.data).data as MissingDocumentsNoticeData;
  const now = ctx.now ?? new Date();
  if (letter.deadline <= tallinnDate(now)) throw new DomainError('errors.deadlinePast', 'data.deadline');
  const items = letter.documents.map((d) => (d.note ? `${d.name} (${d.note})` : d.name));
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      await requestMissingInTransaction(
        tx,
        actor,
        role,
        { documentId: form.documentId, version: form.version, items, clientDeadline: letter.deadline, note: letter.note.slice(0, 1000) },
        ctx,
      );
      const issued = await issueDocumentInTransaction(
        tx,
        actor,
        {
          templateId: 'missing-documents-notice',
          data: form.data,
          method: form.method,
          clientId: '',
          fromDocumentId: form.documentId,
          // The request above checked the version the card showed and changed the application,
          // which stays locked by this transaction: the letter goes into it as it now is.
          fromDocumentVersion: await currentVersion(tx, form.documentId),
          submissionId: form.submissionId,
        },
        { requestId: ctx.requestId, now },
      );
      return { ...issued, applicationId: form.documentId };
    });
  } catch (error) {
    // The same letter sent twice (a double click): answer with the first.
    if (isUniqueViolation(error, 'issued_documents_submission_id_unique')) {
      const [first] = await db
        .select({
          issuedId: issuedDocuments.id,
          documentId: issuedDocuments.documentId,
          number: documents.number,
          verificationCode: issuedDocuments.verificationCode,
          sha256: issuedDocuments.sha256,
        })
        .from(issuedDocuments)
        .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
        .where(eq(issuedDocuments.submissionId, form.submissionId));
      if (first) return { ...first, applicationId: form.documentId };
    }
    throw error;
  }
}
