import { z } from 'zod';
import type { Language, Localized } from './language';
import type { DocumentTexts } from './texts';

export type { Language, Localized };

/** The document types templates register as (the register's `Liik`). */
export const DOCUMENT_TYPES = ['certificate', 'notice', 'missing-documents-notice', 'reply', 'certified-copy'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export type TemplateMeta = {
  id: string;
  /** Raised whenever the printed layout or wording changes; stored with every issued document. */
  version: number;
  title: Localized;
  description: Localized;
  documentType: DocumentType;
  /** Languages the document itself can be printed in. */
  languages: readonly Language[];
  /** false: printed from the register (e.g. a confirmation of receipt), not issued from the issuing form. */
  issuable?: boolean;
  /** Newest last; the last entry's version equals `version`. */
  history: readonly { version: number; date: string; change: Localized }[];
};

/**
 * What the register gives the renderer once the document is registered: the number and date
 * printed in the PDF, and the verification code printed beside the QR code.
 */
export const registrationSchema = z.object({
  registrationNumber: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[\p{L}\p{N}./-]+$/u),
  registeredAt: z.union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()]).transform((v) => new Date(v)),
  verificationCode: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{11}$/),
  /** Where the QR code points (the portal's verification page); the code alone when absent. */
  verificationUrl: z.url().max(300).nullish(),
});
export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;

/** Everything a template's component receives besides its own data. */
export type RenderContext = {
  /** null while previewing, before the register has given a number. */
  registration: Registration | null;
  /** A word printed across every page (`EELVAADE`, `NÄIDIS`); null on issued documents. */
  watermark: string | null;
  /** The PDF will be e-sealed: the signature block says so instead of leaving room for ink. */
  sealed: boolean;
  /** The version of the template's texts in force on the issue date; version 1 (the wording in code) when absent. */
  texts?: DocumentTexts;
};
