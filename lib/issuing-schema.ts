import { z } from 'zod';

// Issuing a document from a template. The template's own zod schema checks
// `data` (templates/registry.ts); this schema checks the rest of the form, used by the form
// and again by issueDocument.

export const ISSUE_METHODS = ['handed_over', 'email', 'post'] as const;
export type IssueMethodValue = (typeof ISSUE_METHODS)[number];

const optionalUuid = z.union([z.literal(''), z.uuid({ error: 'errors.unknownReference' })]).default('');

export const issueSchema = z.object({
  templateId: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(100),
  /** The template's fields; checked by the template's schema. */
  data: z.unknown(),
  method: z.enum(ISSUE_METHODS, { error: 'errors.required' }),
  /** From a client card: the client the document is issued to. */
  clientId: optionalUuid,
  /** From a registered document: the new document joins its matter (suffix number). */
  fromDocumentId: optionalUuid,
  /**
   * The version of that document the specialist decided on (lib/record-version.ts): the card
   * they came from, carried through the issuing page's address. Required with fromDocumentId.
   */
  fromDocumentVersion: z.string().trim().max(40, 'errors.stale').default(''),
  submissionId: z.uuid({ error: 'errors.required' }),
});

export type IssueInput = z.input<typeof issueSchema>;

/** What the verification page learns about a code or an uploaded PDF (server/issuing/queries.ts verifyDocument). */
export type Verification =
  | { status: 'bad-code' }
  | { status: 'unknown'; code: string | null }
  | {
      status: 'issued' | 'valid' | 'changed';
      code: string;
      /** For an uploaded file: why it is not the issued one. */
      reason?: 'sha256' | 'seal';
      number: string;
      registeredAt: Date;
      typeName: string;
      templateTitle: string;
      templateVersion: number;
      recipientName: string;
      /** Masked unless the viewer may read client data. */
      recipientCode: string | null;
      issuedAt: Date;
      issuedByName: string;
      method: string;
      sealed: boolean;
    };
