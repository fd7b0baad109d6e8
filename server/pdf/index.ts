import { createHash } from 'node:crypto';
import { verificationUrl } from '@/lib/verification-code';
import { getTemplate } from '@/templates/registry';
import type { DocumentTexts } from '@/templates/shared/texts';
import type { DocumentType, RegistrationInput } from '@/templates/shared/types';
import { parseTemplateData, renderDocument } from './render';
import { getSeal, sealPdf, verifySealedPdf, type SealVerification } from './seal';

// The document engine's front door for issuing. The register (numbers, storage,
// issuance records) calls, in this order:
//   1. parseTemplateData(templateId, data)  before registering: throws TemplateDataError with
//      field-level message keys, so nothing is registered for invalid data;
//   2. newVerificationCode() (lib/verification-code) and the register's number and date;
//   3. produceDocument(...)                 render + seal; store `bytes` and `sha256` as issued.
// An issued document is never rendered again: downloads serve the stored bytes.

export type ProducedDocument = {
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`, to store beside them. */
  sha256: string;
  templateId: string;
  templateVersion: number;
  documentType: DocumentType;
  /** The data after the template's schema (trimmed, defaults filled): store this, not the input. */
  data: unknown;
  verificationCode: string;
  sealed: boolean;
  /** SHA-256 fingerprint of the seal certificate, when sealed. */
  sealCertificate: string | null;
};

export type ProduceInput = {
  templateId: string;
  data: unknown;
  registration: RegistrationInput;
  /** The version of the template's texts in force on the issue date (version 1, the wording in code, when absent). */
  texts?: DocumentTexts;
};

/** The portal's public address for the QR code's link (PORTAL_URL, else NEXTAUTH_URL). */
function portalUrl(): string | null {
  return process.env.PORTAL_URL ?? process.env.NEXTAUTH_URL ?? null;
}

/**
 * Renders the registered document and seals it when an e-seal is configured (a configured
 * but unreadable seal throws: the portal never silently issues unsealed documents then).
 */
export async function produceDocument({ templateId, data, registration, texts }: ProduceInput): Promise<ProducedDocument> {
  const parsed = parseTemplateData(templateId, data);
  const template = getTemplate(templateId)!;
  const seal = getSeal();
  const base = portalUrl();
  const reg: RegistrationInput = {
    ...registration,
    verificationUrl: registration.verificationUrl ?? (base ? verificationUrl(base, registration.verificationCode) : null),
  };
  const rendered = await renderDocument(templateId, parsed.data, reg, { sealed: seal !== null, ...(texts ? { texts } : {}) });
  const registeredAt = new Date(registration.registeredAt);
  // The seal's time is the moment of sealing; the document's date is the registration's.
  const bytes = seal ? await sealPdf(rendered, seal, { signingTime: new Date(Math.max(Date.now(), registeredAt.getTime())) }) : rendered;
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    templateId,
    // The issued document's version is its texts' version: the wording it was issued with.
    templateVersion: texts?.version ?? 1,
    documentType: template.meta.documentType,
    data: parsed.data,
    verificationCode: registration.verificationCode,
    sealed: seal !== null,
    sealCertificate: seal?.certificate.fingerprint256 ?? null,
  };
}

/** A preview for the form: EELVAADE across it, no number, no code, not sealed. */
export async function previewDocument(templateId: string, data: unknown, texts?: DocumentTexts): Promise<Uint8Array> {
  return renderDocument(templateId, data, null, { sealed: getSeal() !== null, ...(texts ? { texts } : {}) });
}

export type PdfInspection = {
  /** Hex SHA-256 of the bytes: equal to the stored `sha256` only for the very file the portal issued. */
  sha256: string;
  /** The printed verification code as read from the file's signed metadata (or its metadata, when unsealed). */
  verificationCode: string | null;
  seal: SealVerification;
};

/**
 * For the "Kontrolli dokumenti" upload: what a PDF says about itself. The register then
 * looks the code up and compares `sha256` with what it stored; a sealed file that is
 * `valid` is ours and unchanged even if the register is unreachable.
 */
export function inspectPdf(bytes: Uint8Array): PdfInspection {
  const seal = verifySealedPdf(bytes);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), verificationCode: seal.verificationCode, seal };
}

export { parseTemplateData, renderDocument, renderSample, TemplateDataError, getRenderPool } from './render';
export { getSeal, trustedSealCertificates, verifySealedPdf, type SealVerification } from './seal';
export { newVerificationCode, parseVerificationCode, formatVerificationCode } from '@/lib/verification-code';
