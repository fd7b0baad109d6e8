import { aliasedTable, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attachments, clients, documents, documentTypes, staff, units } from '@/db/schema';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { renderDocument } from '@/server/pdf';
import { textsInForce } from '@/server/templates/texts';
import type { ReceiptConfirmationInput } from '@/templates/receipt-confirmation/definition';
import { documentAccess } from './document-card';
import { withHeldWorkNow, type RegisterActor } from './visibility';

const registrar = aliasedTable(staff, 'registrar');

/**
 * The client's confirmation of receipt for a registered incoming document, in Estonian or
 * English: to the person who registered it and to those who may open its contents (it names
 * the client and what they brought). Printing it is audited; nothing is registered.
 */
export async function receiptConfirmation(
  actor: RegisterActor,
  documentId: string,
  language: 'et' | 'en',
  ctx: { requestId: string },
): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const role = authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [row] = await db
    .select({
      doc: documents,
      typeEt: documentTypes.nameEt,
      typeEn: documentTypes.nameEn,
      unitEt: units.nameEt,
      unitEn: units.nameEn,
      client: { givenName: clients.givenName, familyName: clients.familyName, personalCode: clients.personalCode },
      registeredBy: sql<string>`${registrar.givenName} || ' ' || ${registrar.familyName}`,
      files: sql<number>`(select count(*)::int from ${attachments} where ${attachments.documentId} = ${documents.id})`,
    })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.code, documents.typeCode))
    .innerJoin(units, eq(units.code, documents.unitCode))
    .innerJoin(registrar, eq(registrar.id, documents.createdBy))
    .leftJoin(clients, eq(clients.id, documents.clientId))
    .where(eq(documents.id, documentId));
  if (!row || row.doc.direction !== 'incoming' || documentAccess(actor, row.doc) === 'entry') return null;
  const { doc } = row;
  const en = language === 'en';
  const data: ReceiptConfirmationInput = {
    language,
    party: row.client ? `${row.client.givenName} ${row.client.familyName}` : (doc.institutionName ?? ''),
    registrationNumber: doc.number,
    registeredOn: tallinnDate(doc.registeredAt),
    receivedOn: tallinnDate(doc.receivedAt),
    typeName: en ? row.typeEn : row.typeEt,
    title: doc.title,
    files: row.files,
    pages: doc.pages,
    unitName: en ? row.unitEn : row.unitEt,
    deadline: doc.dueDate ?? '',
    deadlineKind: doc.deadlineKind,
    registeredBy: row.registeredBy,
  };
  const texts = await textsInForce(db, 'receipt-confirmation');
  const bytes = await renderDocument('receipt-confirmation', data, null, { watermark: null, texts });
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'document.receipt_print',
      entityType: 'document',
      entityId: doc.id,
      subjectCode: row.client?.personalCode ?? null,
      purpose: `vastuvõtuteatis ${doc.number}`,
      requestId: ctx.requestId,
      details: { language },
    },
    db,
  );
  const prefix = en ? 'receipt' : 'vastuvotuteatis';
  return { bytes, fileName: `${prefix}-${doc.number.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf` };
}
