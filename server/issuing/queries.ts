import { versionOf } from '@/lib/record-version';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Verification } from '@/lib/issuing-schema';
import { clients, documents, documentTypes, issuedDocuments, missingRequests, staff } from '@/db/schema';
import { auditRefusal } from '@/server/audit/refusal';
import { recordAudit } from '@/server/audit/record';
import { authorize, can } from '@/server/auth/policy';
import { databaseStorage } from '@/server/files/storage';
import { inspectPdf, parseVerificationCode } from '@/server/pdf';
import { visibleDocuments, withHeldWorkNow, type RegisterActor } from '@/server/register/visibility';
import { getTemplate } from '@/templates/registry';

type Ctx = { requestId: string };

/** The stored PDF of an issued document (never rendered again), to those who may see its register document; audited. */
export async function readIssuedPdf(actor: RegisterActor, issuedId: string, ctx: Ctx) {
  const role = authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [row] = await db
    .select({ issued: issuedDocuments, number: documents.number, clientCode: clients.personalCode })
    .from(issuedDocuments)
    .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
    .leftJoin(clients, eq(clients.id, issuedDocuments.clientId))
    .where(and(eq(issuedDocuments.id, issuedId), visibleDocuments(actor)));
  if (!row) {
    // Issued from another unit's restricted document: "not found", as a missing one; audited.
    const [hidden] = await db
      .select({ documentId: issuedDocuments.documentId, clientCode: clients.personalCode })
      .from(issuedDocuments)
      .leftJoin(clients, eq(clients.id, issuedDocuments.clientId))
      .where(eq(issuedDocuments.id, issuedId));
    if (hidden)
      await auditRefusal(
        actor,
        'document.issued_download',
        { entityType: 'document', entityId: hidden.documentId, subjectCode: hidden.clientCode, reason: 'out_of_scope' },
        ctx.requestId,
      );
    return null;
  }
  const bytes = await databaseStorage.get(db, row.issued.attachmentId);
  if (!bytes) return null;
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'document.issued_download',
      entityType: 'document',
      entityId: row.issued.documentId,
      subjectCode: row.clientCode,
      requestId: ctx.requestId,
      details: { number: row.number, sha256: row.issued.sha256 },
    },
    db,
  );
  return { bytes, fileName: `${row.number.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf` };
}

/** Issued documents of a client (the client card), as far as the actor may see their register documents. */
export async function issuedForClient(actor: RegisterActor, clientId: string) {
  authorize(actor, 'clients.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const rows = await db
    .select({
      id: issuedDocuments.id,
      documentId: documents.id,
      number: documents.number,
      templateId: issuedDocuments.templateId,
      method: issuedDocuments.method,
      issuedAt: issuedDocuments.issuedAt,
      issuedByName: sql<string>`${staff.givenName} || ' ' || ${staff.familyName}`,
    })
    .from(issuedDocuments)
    .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
    .innerJoin(staff, eq(staff.id, issuedDocuments.issuedBy))
    .where(and(eq(issuedDocuments.clientId, clientId), visibleDocuments(actor)))
    .orderBy(desc(issuedDocuments.issuedAt))
    .limit(100);
  return rows.map((r) => ({ ...r, templateTitle: getTemplate(r.templateId)?.meta.title.et ?? r.templateId }));
}

/** The issued document behind a register document (its page), when the actor may see it. */
export async function issuedForDocument(actor: RegisterActor, documentId: string) {
  authorize(actor, 'register.read');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const [row] = await db
    .select({ id: issuedDocuments.id, verificationCode: issuedDocuments.verificationCode, sealed: issuedDocuments.sealed, sha256: issuedDocuments.sha256 })
    .from(issuedDocuments)
    .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
    .where(and(eq(issuedDocuments.documentId, documentId), visibleDocuments(actor)));
  return row ?? null;
}

const mask = (code: string) => `${code.slice(0, 1)}${'•'.repeat(6)}${code.slice(-4)}`;

/**
 * "Kontrolli dokumenti": by the printed code (`issued`: the portal issued a document with
 * that code) or by the file (`valid`: the very bytes the portal stored and, when sealed,
 * its seal intact; `changed` otherwise). Showing whose document it is is audited.
 */
export async function verifyDocument(actor: RegisterActor, input: { code?: string; pdf?: Uint8Array }, ctx: Ctx): Promise<Verification> {
  const role = authorize(actor, 'documents.verify');
  let code: string | null = null;
  let inspection: ReturnType<typeof inspectPdf> | null = null;
  if (input.pdf) {
    inspection = inspectPdf(input.pdf);
    code = inspection.verificationCode;
    if (!code) return { status: 'unknown', code: null };
  } else {
    const parsed = parseVerificationCode(input.code ?? '');
    if (!parsed.ok) return { status: 'bad-code' };
    code = parsed.code;
  }
  const db = await getDb();
  const [row] = await db
    .select({
      issued: issuedDocuments,
      number: documents.number,
      registeredAt: documents.registeredAt,
      typeName: documentTypes.nameEt,
      clientCode: clients.personalCode,
      issuedByName: sql<string>`${staff.givenName} || ' ' || ${staff.familyName}`,
    })
    .from(issuedDocuments)
    .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
    .innerJoin(documentTypes, eq(documentTypes.code, documents.typeCode))
    .innerJoin(staff, eq(staff.id, issuedDocuments.issuedBy))
    .leftJoin(clients, eq(clients.id, issuedDocuments.clientId))
    .where(eq(issuedDocuments.verificationCode, code));
  let status: 'issued' | 'valid' | 'changed' = 'issued';
  let reason: 'sha256' | 'seal' | undefined;
  if (inspection && row) {
    const sealOk = row.issued.sealed ? inspection.seal.status === 'valid' : inspection.seal.status !== 'invalid';
    if (inspection.sha256 !== row.issued.sha256) [status, reason] = ['changed', 'sha256'];
    else if (!sealOk) [status, reason] = ['changed', 'seal'];
    else status = 'valid';
  }
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'document.verify',
      entityType: row ? 'document' : null,
      entityId: row?.issued.documentId ?? null,
      subjectCode: row?.clientCode ?? null,
      requestId: ctx.requestId,
      details: { code, by: inspection ? 'file' : 'code', result: row ? status : 'unknown', ...(inspection ? { sha256: inspection.sha256 } : {}) },
    },
    db,
  );
  if (!row) return { status: 'unknown', code };
  return {
    status,
    ...(reason ? { reason } : {}),
    code,
    number: row.number,
    registeredAt: row.registeredAt,
    typeName: row.typeName,
    templateTitle: getTemplate(row.issued.templateId)?.meta.title.et ?? row.issued.templateId,
    templateVersion: row.issued.templateVersion,
    recipientName: row.issued.recipientName,
    recipientCode: row.clientCode ? (can(actor, 'clients.read') ? row.clientCode : mask(row.clientCode)) : null,
    issuedAt: row.issued.issuedAt,
    issuedByName: row.issuedByName,
    method: row.issued.method,
    sealed: row.issued.sealed,
  };
}

/**
 * What the issuing form is prefilled with: the client (from the card or the registered
 * document), the registered document and its matter, the open missing-documents request,
 * and the signer (the actor). Opening a client's data for issuing is audited.
 */
export async function issuingContext(actor: RegisterActor, input: { clientId?: string; documentId?: string }, ctx: Ctx & { now?: Date }) {
  const role = authorize(actor, 'documents.issue');
  const db = await getDb();
  actor = await withHeldWorkNow(actor);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Tallinn' }).format(ctx.now ?? new Date());
  const [me] = await db.select().from(staff).where(eq(staff.id, actor.id));
  const signer = { name: me ? `${me.givenName} ${me.familyName}` : '', title: me?.title ?? '', email: me?.email ?? '', phone: me?.phone ?? '' };
  // The signer's title as an English document prints it (the Estonian one where none is kept).
  const signerTitles = { et: me?.title ?? '', en: me?.titleEn || me?.title || '' };
  let source: typeof documents.$inferSelect | null = null;
  let matter: typeof documents.$inferSelect | null = null;
  if (input.documentId) {
    [source = null] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, input.documentId), visibleDocuments(actor)));
    if (!source) return null;
    [matter = null] = await db.select().from(documents).where(eq(documents.id, source.matterId));
  }
  const clientId = input.clientId || source?.clientId || null;
  const [client] = clientId ? await db.select().from(clients).where(eq(clients.id, clientId)) : [];
  if (clientId && !client) return null;
  if (!client && !source) return null;
  const [request] = source
    ? await db
        .select({ items: missingRequests.items, clientDeadline: missingRequests.clientDeadline })
        .from(missingRequests)
        .innerJoin(documents, eq(documents.id, missingRequests.documentId))
        .where(eq(documents.matterId, source.matterId))
        .orderBy(desc(missingRequests.requestedAt))
        .limit(1)
    : [];
  if (client) {
    await recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'client.view',
        entityType: 'client',
        entityId: client.id,
        subjectCode: client.personalCode,
        purpose: 'dokumendi väljastamine',
        requestId: ctx.requestId,
      },
      db,
    );
  }
  const tallinn = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Tallinn' }).format(d);
  return {
    clientId: client?.id ?? '',
    fromDocumentId: source?.id ?? '',
    /** The source's version as this page reads it (lib/record-version.ts). */
    fromDocumentVersion: source ? versionOf(source) : '',
    today,
    signer,
    signerTitles,
    client: client
      ? { name: `${client.givenName} ${client.familyName}`, personalCode: client.personalCode, address: (client.address ?? '').replace(/,\s*/g, '\n') }
      : null,
    source: source
      ? {
          id: source.id,
          number: source.number,
          title: source.title,
          typeCode: source.typeCode,
          direction: source.direction,
          typeName: '',
          receivedOn: tallinn(source.receivedAt),
          senderReference: source.senderReference,
          senderDate: source.senderDate,
          institutionName: source.institutionName,
          matterNumber: matter?.number ?? source.number,
          matterTitle: matter?.title ?? source.title,
          matterReceivedOn: tallinn(matter?.receivedAt ?? source.receivedAt),
        }
      : null,
    missing: request ? { items: request.items, clientDeadline: request.clientDeadline } : null,
  };
}
