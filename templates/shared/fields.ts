import { z } from 'zod';
import { isValidPersonalCode } from '@/lib/personal-code';
import { isCalendarDate } from '@/lib/date-schema';
import { noHiddenCharacters } from '@/lib/hidden-characters';

// Field rules shared by every template's schema. Each message is a catalogue key
// (lib/i18n, section `errors`), so the form, the server action and the API all speak
// the reader's language. The same schema checks the form, the server, and what the PDF gets.

// Markup and control characters never belong in a document's text: the data is also shown
// in the portal and may go out by e-mail, so `<script>` is refused rather than escaped.
const FORBIDDEN_LINE = /[<>\u0000-\u001f\u007f]/;
const FORBIDDEN_MULTILINE = /[<>\u0000-\u0009\u000b-\u001f\u007f]/;

/** A one-line text, required. */
export function text(max: number) {
  return z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(max, 'errors.tooLong')
    .refine((v) => !FORBIDDEN_LINE.test(v), 'errors.badChars')
    .refine(noHiddenCharacters, 'errors.hiddenCharacters');
}

/** A one-line text that may be left empty (then ''). */
export function optionalText(max: number) {
  return z
    .string({ error: 'errors.required' })
    .trim()
    .max(max, 'errors.tooLong')
    .refine((v) => !FORBIDDEN_LINE.test(v), 'errors.badChars')
    .refine(noHiddenCharacters, 'errors.hiddenCharacters')
    .default('');
}

/** Text with line breaks (paragraphs separated by an empty line); Windows line ends normalised. */
export function multiline(max: number, { required = true } = {}) {
  const base = z
    .string({ error: 'errors.required' })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, 'errors.required')
        .max(max, 'errors.tooLong')
        .refine((v) => !FORBIDDEN_MULTILINE.test(v), 'errors.badChars'),
    );
  return required ? base : base.default('');
}

/** A person's name as written in the population register (letters, spaces, hyphens, apostrophes). */
export const personName = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .max(200, 'errors.tooLong')
  .regex(/^\p{L}[\p{L}\p{M} '’.-]*$/u, 'errors.badChars');

export const personalCode = z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').refine(isValidPersonalCode, 'errors.personalCode');

/** A calendar date (`lib/date-schema.ts`) a document may print: from 1900 on. */
function isRealDate(value: string): boolean {
  return isCalendarDate(value) && value >= '1900';
}

/** A calendar date as the form's date input gives it: `yyyy-mm-dd`. */
export const isoDate = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .refine((v) => v === '' || isRealDate(v), 'errors.date');

export const optionalIsoDate = z
  .string({ error: 'errors.date' })
  .trim()
  .refine((v) => v === '' || isRealDate(v), 'errors.date')
  .default('');

/** Money in integer cents (the portal never carries euros as floats). */
export function cents({ max = 100_000_000 } = {}) {
  return z.number({ error: 'errors.amount' }).int('errors.amount').min(0, 'errors.negativeAmount').max(max, 'errors.amountTooLarge');
}

/** True when both are valid ISO dates and `end` is before `start` (ISO dates compare as text). */
export function isBefore(end: string | undefined, start: string | undefined): boolean {
  return !!end && !!start && isRealDate(end) && isRealDate(start) && end < start;
}

export const clientSchema = z.object({
  name: personName,
  personalCode,
  /** Postal address, one line per row; empty when the document is handed over or e-mailed. */
  address: multiline(300, { required: false }),
});

/** The official whose name the document carries (and, for letters, the contact person). */
export const signerSchema = z.object({
  name: personName,
  title: text(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, 'errors.tooLong')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'errors.email')
    .default(''),
  phone: z
    .string()
    .trim()
    .max(30, 'errors.tooLong')
    .regex(/^(\+?[0-9 ()-]{5,30})?$/, 'errors.phone')
    .default(''),
});

/**
 * Access restriction (Avaliku teabe seadus § 35): the mark `ASUTUSESISESEKS KASUTAMISEKS`
 * with its basis and end date. Documents about one person's benefits carry personal data,
 * so the usual basis is AvTS § 35 lg 1 p 12 and the term up to 75 years.
 */
export const restrictionSchema = z.object({
  basis: text(120).default('AvTS § 35 lg 1 p 12'),
  validUntil: isoDate,
});

export type Client = z.output<typeof clientSchema>;
export type Signer = z.output<typeof signerSchema>;
export type Restriction = z.output<typeof restrictionSchema>;
