import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Tx } from '@/server/tx';
import { accessGrounds, attachments, clients, documentEvents, documents, documentTypes, issuedDocuments } from '@/db/schema';
import { issueSchema, type IssueInput } from '@/lib/issuing-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { addYears, tallinnDate } from '@/lib/tallinn-time';
import { assertUnchanged } from '@/server/record-version';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { databaseStorage } from '@/server/files/storage';
import { newVerificationCode, parseTemplateData, produceDocument } from '@/server/pdf';
import { allocateInMatter, allocateNumber } from '@/server/register/numbering';
import { visibleDocuments, withHeldWork, type RegisterActor } from '@/server/register/visibility';
import { textsForIssue } from '@/server/templates/texts';
import { getTemplate, type TemplateDefinition } from '@/templates/registry';
import type { DocumentType as TemplateDocumentType } from '@/templates/shared/types';

type IssueForm = z.output<typeof issueSchema>;
export type IssueContext = { requestId: string; now?: Date };
export type IssueResult = { issuedId: string; documentId: string; number: string; verificationCode: string; sha256: string };

/** The register's document type for each template's `meta.documentType` (db/seed/register-data.ts). */
export const REGISTER_TYPE: Record<TemplateDocumentType, string> = {
  certificate: 'certificate',
  notice: 'notice',
  'missing-documents-notice': 'missing_documents_request',
  reply: 'reply',
  // A certified-copy sheet certifies, like a certificate; the register has no type of its own for it.
  'certified-copy': 'certificate',
};

const CHANNEL = { handed_over: 'in_person', email: 'email', post: 'post' } as const;

type Party = { name?: unknown; personalCode?: unknown };
/** The printed addressee: `client` in certificates and notices, `recipient` in letters. */
function printedParty(data: unknown): Party | null {
  const d = data as { client?: Party; recipient?: Party } | null;
  return d?.client ?? d?.recipient ?? null;
}
const partyField = (data: unknown) => ((data as { client?: unknown })?.client ? 'data.client.personalCode' : 'data.recipient.personalCode');

/**
 * Issues a document from a template (job description, duty 3.5): checks the data, then in one
 * transaction numbers it in the register (in the source document's matter when there is
 * one), renders and seals it with that number, stores the bytes as the outgoing document's
 * attachment and records the issuance. Rendering failing rolls everything back: no number
 * is used. The same submission id twice returns the first result.
 */
export async function issueDocument(actor: RegisterActor, input: IssueInput, ctx: IssueContext): Promise<IssueResult> {
  const checked = checkIssue(actor, input);
  const form = checked.form;
  const db = await getDb();
  try {
    return await db.transaction((tx) => issueInTransaction(tx, actor, checked, ctx.now ?? new Date(), ctx));
  } catch (error) {
    // The same form sent twice (a double click, a retried request): answer with the first.
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
      if (first) return first;
    }
    throw error;
  }
}

type CheckedIssue = { role: string; form: IssueForm; parsedData: unknown; template: TemplateDefinition };

/** The checks before anything is registered: permission, the form, the template's fields (TemplateDataError, dotted paths). */
function checkIssue(actor: RegisterActor, input: IssueInput): CheckedIssue {
  const role = authorize(actor, 'documents.issue');
  const form = issueSchema.parse(input);
  const template = getTemplate(form.templateId);
  // A template printed from the register (a confirmation of receipt) is never issued.
  if (!template || template.meta.issuable === false) throw new DomainError('errors.notFound', 'templateId');
  return { role, form, parsedData: parseTemplateData(form.templateId, form.data).data, template };
}

/**
 * issueDocument inside the caller's transaction: a bulk run claims its row, issues and marks
 * the row issued in one transaction, so a row is never issued without being marked, or twice.
 * Registered, rendered, sealed, stored and audited exactly as a single issue.
 */
export async function issueDocumentInTransaction(tx: Tx, actor: RegisterActor, input: IssueInput, ctx: IssueContext): Promise<IssueResult> {
  return issueInTransaction(tx, actor, checkIssue(actor, input), ctx.now ?? new Date(), ctx);
}

/** The issuing itself, in a transaction: number, render and seal, store, record, audit. */
async function issueInTransaction(
  tx: Tx,
  actor: RegisterActor,
  { role, form, parsedData, template }: CheckedIssue,
  now: Date,
  ctx: IssueContext,
): Promise<IssueResult> {
  const today = tallinnDate(now);
  const [type] = await tx.select().from(documentTypes).where(eq(documentTypes.code, REGISTER_TYPE[template.meta.documentType]));
  if (!type) throw new Error(`register type for ${template.meta.documentType} missing`);

  const source = form.fromDocumentId ? await lockSource(tx, actor, form.fromDocumentId) : null;
  // Issued into a matter as the specialist last saw it: one closed, forwarded or answered
  // meanwhile is looked at again first.
  if (source) assertUnchanged(source, form.fromDocumentVersion);
  const clientId = form.clientId || source?.clientId || null;
  const [client] = clientId ? await tx.select().from(clients).where(eq(clients.id, clientId)) : [];
  if (clientId && !client) throw new DomainError('errors.unknownReference', 'clientId');
  const party = printedParty(parsedData);
  if (client && typeof party?.personalCode === 'string' && party.personalCode !== '' && party.personalCode !== client.personalCode) {
    throw new DomainError('errors.issuingClientMismatch', partyField(parsedData));
  }
  if (!client && !source?.institutionName) throw new DomainError('errors.required', 'clientId');

  // A missing-documents request is registered when it is made (requestMissingDocuments):
  // its notice is issued into that registration instead of taking a second number.
  const fulfil = source ? await registeredNotice(tx, source, type.code) : null;

  // Access restriction: the matter's, else the type's default (AvTS § 35 lg 1 p 12, 75 years).
  let restriction: { isRestricted: boolean; groundCode: string | null; until: string | null; label: string | null };
  const groundOf = async (code: string | null) => (code ? ((await tx.select().from(accessGrounds).where(eq(accessGrounds.code, code)))[0] ?? null) : null);
  if (source) {
    const ground = await groundOf(source.restrictionGroundCode);
    restriction = {
      isRestricted: source.isRestricted,
      groundCode: source.restrictionGroundCode,
      until: source.restrictionUntil,
      label: ground?.label ?? null,
    };
  } else {
    const ground = type.defaultRestricted ? await groundOf(type.defaultGroundCode) : null;
    restriction = {
      isRestricted: type.defaultRestricted,
      groundCode: ground?.code ?? null,
      until: ground ? addYears(today, ground.termYears) : null,
      label: ground?.label ?? null,
    };
  }
  // The printed restriction mark says what the register says.
  let data = parsedData as Record<string, unknown>;
  if (data && typeof data === 'object' && 'restriction' in data) {
    data = {
      ...data,
      restriction: restriction.isRestricted && restriction.until ? { basis: restriction.label ?? 'AvTS § 35 lg 1 p 12', validUntil: restriction.until } : null,
    };
  }

  const documentId = fulfil?.id ?? randomUUID();
  const registeredAt = fulfil?.registeredAt ?? now;
  let number: string;
  if (fulfil) {
    number = fulfil.number;
  } else {
    const allocated = source ? await allocateInMatter(tx, source.matterId) : await allocateNumber(tx, type.seriesCode, Number(today.slice(0, 4)));
    number = allocated.number;
    const title = typeof data.title === 'string' && template.meta.documentType === 'reply' ? data.title : template.meta.title.et;
    await tx.insert(documents).values({
      id: documentId,
      ...allocated,
      matterId: source?.matterId ?? documentId,
      typeCode: type.code,
      direction: 'outgoing',
      channel: CHANNEL[form.method],
      receivedAt: now,
      registeredAt: now,
      clientId: client?.id ?? null,
      institutionName: client ? null : (source?.institutionName ?? null),
      institutionCode: client ? null : (source?.institutionCode ?? null),
      title: title.slice(0, 500),
      isRestricted: restriction.isRestricted,
      restrictionGroundCode: restriction.isRestricted ? restriction.groundCode : null,
      restrictionFrom: restriction.isRestricted ? today : null,
      restrictionUntil: restriction.isRestricted ? restriction.until : null,
      unitCode: source?.unitCode ?? actor.unitCode,
      assigneeId: actor.id,
      status: 'closed',
      deadlineKind: 'none',
      createdBy: actor.id,
    });
    await tx.insert(documentEvents).values({
      documentId,
      actorId: actor.id,
      kind: 'registered',
      details: { number, ...(source ? { inReplyTo: source.number } : {}) },
    });
  }

  const verificationCode = newVerificationCode();
  const produced = await produceDocument({
    templateId: template.meta.id,
    data,
    texts: await textsForIssue(tx, template.meta.id, now),
    registration: { registrationNumber: number, registeredAt, verificationCode },
  });

  const fileName = `${number.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf`;
  const [attachment] = await tx
    .insert(attachments)
    .values({
      documentId,
      fileName,
      mimeType: 'application/pdf',
      size: produced.bytes.length,
      sha256: produced.sha256,
      storage: databaseStorage.kind,
      uploadedBy: actor.id,
      uploadedAt: now,
    })
    .returning({ id: attachments.id });
  await databaseStorage.put(tx, attachment!.id, produced.bytes);
  const recipientName = String(party?.name ?? (client ? `${client.givenName} ${client.familyName}` : (source?.institutionName ?? '')));
  const [issued] = await tx
    .insert(issuedDocuments)
    .values({
      documentId,
      attachmentId: attachment!.id,
      templateId: produced.templateId,
      templateVersion: produced.templateVersion,
      data: produced.data as object,
      sha256: produced.sha256,
      verificationCode,
      sealed: produced.sealed,
      sealCertificate: produced.sealCertificate,
      clientId: client?.id ?? null,
      recipientName,
      method: form.method,
      issuedAt: now,
      issuedBy: actor.id,
      submissionId: form.submissionId,
    })
    .returning({ id: issuedDocuments.id });
  await tx.insert(documentEvents).values({
    documentId,
    actorId: actor.id,
    kind: 'issued',
    details: { template: produced.templateId, version: produced.templateVersion, method: form.method, sealed: produced.sealed },
  });
  if (source && source.direction === 'incoming' && template.meta.documentType === 'reply' && ['registered', 'in_progress'].includes(source.status)) {
    await tx
      .update(documents)
      .set({ status: 'answered', updatedAt: sql`now()` })
      .where(eq(documents.id, source.id));
    await tx
      .insert(documentEvents)
      .values({ documentId: source.id, actorId: actor.id, kind: 'reply_registered', details: { reply: number, status: 'answered' } });
  }
  await appendAudit(tx, {
    actorCode: actor.personalCode,
    actorRole: role,
    action: 'document.issue',
    entityType: 'document',
    entityId: documentId,
    subjectCode: client?.personalCode ?? null,
    requestId: ctx.requestId,
    details: { number, template: produced.templateId, version: produced.templateVersion, sha256: produced.sha256, method: form.method },
  });
  return { issuedId: issued!.id, documentId, number, verificationCode, sha256: produced.sha256 };
}

async function lockSource(tx: Tx, actor: RegisterActor, documentId: string) {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), visibleDocuments(await withHeldWork(tx, actor))))
    .for('update');
  if (!row) throw new DomainError('errors.unknownReference', 'fromDocumentId');
  return row;
}

/**
 * The registration a notice is issued into instead of a new number: the source itself when it
 * is an outgoing document of the notice's type, or, from the application, the matter's latest
 * missing-documents request; in both cases only while nothing has been issued into it.
 */
async function registeredNotice(tx: Tx, source: typeof documents.$inferSelect, typeCode: string) {
  if (source.direction === 'outgoing') return source.typeCode === typeCode && !(await hasIssued(tx, source.id)) ? source : null;
  if (typeCode !== 'missing_documents_request') return null;
  const [latest] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.matterId, source.matterId), eq(documents.typeCode, typeCode), eq(documents.direction, 'outgoing')))
    .orderBy(desc(documents.registeredAt), desc(documents.suffix))
    .limit(1);
  return latest && !(await hasIssued(tx, latest.id)) ? latest : null;
}

async function hasIssued(tx: Tx, documentId: string): Promise<boolean> {
  const [row] = await tx.select({ id: issuedDocuments.id }).from(issuedDocuments).where(eq(issuedDocuments.documentId, documentId));
  return Boolean(row);
}
