import { z } from 'zod';
import { IDENTITY_DOCUMENTS } from './register-schema';
import { ISO_DATE } from './tallinn-time';

// How a person at the desk was identified (duty 3.2): the identity document's type, number and
// validity, checked against today's date in Tallinn (the caller passes `tallinnDate(now)`, in the
// browser the page's `today`). One piece for every form that records it (overpayment
// applications, assessment applications), so the fields, their messages and the expiry rule
// are the same everywhere. Flat fields, so they sit in a form beside the others.

export type IdentityDocumentType = (typeof IDENTITY_DOCUMENTS)[number];

const number = z
  .string()
  .trim()
  .max(20, 'errors.tooLong')
  .regex(/^[A-Za-z0-9]*$/, 'errors.badChars')
  .refine((v) => v === '' || v.length >= 5, 'errors.documentNumber');
const validUntil = (today: string) =>
  z
    .string()
    .refine((v) => v === '' || ISO_DATE.test(v), 'errors.date')
    .refine((v) => v === '' || !ISO_DATE.test(v) || v >= today, 'errors.identityExpired');

/** The three fields, always required: the form is taken only from an identified person. */
export function requiredIdentityDocumentFields(today: string) {
  return {
    identityDocumentType: z.enum(IDENTITY_DOCUMENTS, 'errors.required'),
    identityDocumentNumber: number.refine((v) => v.length > 0, 'errors.required'),
    identityValidUntil: validUntil(today).refine((v) => v.length > 0, 'errors.required'),
  };
}

/**
 * The three fields, each may be empty; what is given is checked the same way (a number of at
 * least 5 characters, a document valid today). Whether they are needed is the form's rule:
 * call `requireIdentityDocument` from its superRefine.
 */
export function optionalIdentityDocumentFields(today: string) {
  return {
    identityDocumentType: z.enum(['', ...IDENTITY_DOCUMENTS], 'errors.required'),
    identityDocumentNumber: number,
    identityValidUntil: validUntil(today),
  };
}

type Values = { identityDocumentType: string; identityDocumentNumber: string; identityValidUntil: string };

/** Whether any of the three was filled in. */
export const identityDocumentGiven = (v: Values) => v.identityDocumentType !== '' || v.identityDocumentNumber !== '' || v.identityValidUntil !== '';

/** All three needed when `required`, or when any of them was filled in (half a document identifies nobody). */
export function requireIdentityDocument(v: Values, ctx: z.RefinementCtx, required: boolean) {
  if (!required && !identityDocumentGiven(v)) return;
  for (const field of ['identityDocumentType', 'identityDocumentNumber', 'identityValidUntil'] as const) {
    if (v[field] === '') ctx.addIssue({ code: 'custom', path: [field], message: 'errors.required' });
  }
}
