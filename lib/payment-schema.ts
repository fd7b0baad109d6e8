import { z } from 'zod';
import { checkIban } from './iban';
import { parseEurosToCents } from './money';
import { isValidPersonalCode } from './personal-code';
import { fitsSepa } from './sepa-text';
import { ISO_DATE } from './tallinn-time';

// Benefit payments (duty 3.9). The same schemas run in the browser and again on the server.
// Amounts are typed as euros and kept as integer cents (lib/money.ts); IBANs are checked by
// lib/iban.ts; names that go into the payment file must fit the SEPA character set after
// transliteration (lib/sepa-text.ts).

const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .regex(/^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'errors.badChars');
const required = (max: number) => plain(max).min(1, 'errors.required');
const personName = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(70, 'errors.tooLong')
  .regex(/^\p{L}[\p{L}\p{M} '’.-]*$/u, 'errors.badChars');
const personalCode = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .refine((v) => isValidPersonalCode(v), 'errors.personalCode');
export const isoDate = z.string().regex(ISO_DATE, 'errors.date');
export const euros = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .refine((v) => (parseEurosToCents(v) ?? 0) > 0, 'errors.amountEuros');

export const preparePaymentSchema = z.object({
  kindCode: z.string().min(1, 'errors.required'),
  deceasedCode: personalCode,
  deceasedName: personName.refine(fitsSepa, 'errors.sepaText'),
  applicantCode: personalCode,
  applicantName: personName,
  basis: required(500),
  amount: euros,
  recipientName: personName.refine(fitsSepa, 'errors.sepaText'),
  recipientIban: z
    .string()
    .trim()
    .min(1, 'errors.required')
    .refine((v) => checkIban(v).ok, 'errors.iban'),
  decisionDate: isoDate,
  submissionId: z.uuid(),
});
export type PreparePaymentInput = z.input<typeof preparePaymentSchema>;

export const paymentIdSchema = z.object({ paymentId: z.uuid() });
export type PaymentIdInput = z.input<typeof paymentIdSchema>;

/**
 * Why a payment is returned for correction or rejected. Plain text: markup such as
 * `<script>` is kept as typed and only ever shown as text (React and the e-mail template
 * escape it); control characters other than line breaks and tabs are refused.
 */
export const decisionReason = z
  .string()
  .transform((v) => v.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'errors.required')
      .min(3, 'errors.reasonTooShort')
      .max(1000, 'errors.tooLong')
      .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'errors.badChars'),
  );

export const paymentDecisionSchema = z.object({ paymentId: z.uuid(), reason: decisionReason });
export type PaymentDecisionInput = z.input<typeof paymentDecisionSchema>;

/** The preparer corrects a returned payment: the prepare form's fields, checked the same way. */
export const correctPaymentSchema = preparePaymentSchema.omit({ submissionId: true }).extend({ paymentId: z.uuid() });
export type CorrectPaymentInput = z.input<typeof correctPaymentSchema>;

export const createBatchSchema = z.object({
  paymentIds: z.array(z.uuid()).min(1, 'errors.batchEmpty').max(1000, 'errors.tooLarge'),
  executionDate: isoDate,
});
export type CreateBatchInput = z.input<typeof createBatchSchema>;

export const benefitKindSchema = z.object({
  code: z.string().regex(/^[a-z_]{2,40}$/, 'errors.badChars'),
  nameEt: required(200),
  nameEn: required(200),
  remittancePrefix: required(40).refine(fitsSepa, 'errors.sepaText'),
  noteEt: plain(500),
  noteEn: plain(500),
  isActive: z.boolean(),
});
export type BenefitKindInput = z.input<typeof benefitKindSchema>;
