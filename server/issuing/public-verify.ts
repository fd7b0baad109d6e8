import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clients, documents, issuedDocuments } from '@/db/schema';
import { AGENCY } from '@/lib/agency';
import type { Locale } from '@/lib/i18n';
import { isValidPersonalCode } from '@/lib/personal-code';
import { recordAudit } from '@/server/audit/record';
import { hitRateLimit } from '@/server/ops/rate-limit';
import { inspectPdf, parseVerificationCode } from '@/server/pdf';
import { getTemplate } from '@/templates/registry';
import type { PublicVerification } from '@/lib/public-register';

export type { PublicVerification };

// The verification anyone may run, without signing in (the page /kontrolli, the QR code's
// link). It tells whether the portal issued a document with this code and, for a file,
// whether the file is the one issued; it shows only what is printed as public on the
// document (its type, number, date of issue and the agency), never whose it is. A visitor
// who types the holder's personal code is told whether it matches, never the code. Every
// check counts against the `verify` limit of the visitor's address and is audited with the
// code, the result and the address: nothing else about the visitor, and no personal code.

export type PublicVerifyInput = { code?: string; pdf?: Uint8Array; personalCode?: string };
export type PublicVerifyContext = { ip: string; requestId: string; locale: Locale };

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Compares without telling by its timing how much of the code was right. */
const sameCode = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export async function verifyPublicly(input: PublicVerifyInput, ctx: PublicVerifyContext): Promise<PublicVerification> {
  const typedCode = input.personalCode?.replace(/\s/g, '') ?? '';
  if (typedCode && !isValidPersonalCode(typedCode)) return { status: 'bad-personal-code' };
  let code: string | null = null;
  let inspection: ReturnType<typeof inspectPdf> | null = null;
  if (input.pdf) {
    inspection = inspectPdf(input.pdf);
    code = inspection.verificationCode;
  } else {
    const parsed = parseVerificationCode(input.code ?? '');
    if (!parsed.ok) return { status: 'bad-code' };
    code = parsed.code;
  }
  const db = await getDb();
  const limited = await hitRateLimit('verify', { ip: ctx.ip }, db);
  if (!limited.ok) return { status: 'limited', retryAfterSeconds: limited.retryAfterSeconds };

  const [row] = code
    ? await db
        .select({
          documentId: issuedDocuments.documentId,
          templateId: issuedDocuments.templateId,
          sha256: issuedDocuments.sha256,
          sealed: issuedDocuments.sealed,
          issuedAt: issuedDocuments.issuedAt,
          number: documents.number,
          holderCode: clients.personalCode,
        })
        .from(issuedDocuments)
        .innerJoin(documents, eq(documents.id, issuedDocuments.documentId))
        .leftJoin(clients, eq(clients.id, issuedDocuments.clientId))
        .where(eq(issuedDocuments.verificationCode, code))
    : [];

  let status: 'issued' | 'valid' | 'changed' = 'issued';
  let reason: 'sha256' | 'seal' | undefined;
  if (inspection && row) {
    const sealOk = row.sealed ? inspection.seal.status === 'valid' : inspection.seal.status !== 'invalid';
    if (inspection.sha256 !== row.sha256) [status, reason] = ['changed', 'sha256'];
    else if (!sealOk) [status, reason] = ['changed', 'seal'];
    else status = 'valid';
  }
  const holder = row && typedCode ? (row.holderCode && sameCode(row.holderCode, typedCode) ? 'matches' : 'does-not-match') : undefined;
  await recordAudit(
    {
      actorCode: null,
      actorRole: 'public',
      action: 'document.verify_public',
      entityType: row ? 'document' : null,
      entityId: row?.documentId ?? null,
      requestId: ctx.requestId,
      details: {
        code,
        by: inspection ? 'file' : 'code',
        result: row ? status : 'unknown',
        ...(reason ? { reason } : {}),
        ...(holder ? { holder } : {}),
        ip: ctx.ip,
      },
    },
    db,
  );
  if (!row) return { status: 'unknown', byFile: Boolean(inspection) };
  const template = getTemplate(row.templateId);
  return {
    status,
    ...(reason ? { reason } : {}),
    number: row.number,
    type: template?.meta.title[ctx.locale] ?? template?.meta.title.et ?? row.templateId,
    issuedAt: row.issuedAt,
    agency: AGENCY.name[ctx.locale],
    ...(holder ? { holder } : {}),
  };
}
