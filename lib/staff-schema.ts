import { z } from 'zod';
import { isValidPersonalCode } from './personal-code';
import { ROLES } from './roles';
import { noHiddenCharacters } from './hidden-characters';

// One schema for the staff form and the server action. Messages are catalogue keys
// (lib/i18n), so the client shows them in the reader's language. The parsed data parses
// to itself (an empty code becomes null, and null is accepted): the action hands the
// parsed data to the domain function, which parses again at its own boundary.

const name = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(100, 'errors.tooLong')
  .regex(/^\p{L}[\p{L}\p{M} '’.-]*$/u, 'errors.badChars');

const optionalCode = z
  .string()
  .trim()
  .max(40)
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const staffInputSchema = z.object({
  personalCode: z.string().trim().refine(isValidPersonalCode, 'errors.personalCode'),
  givenName: name,
  familyName: name,
  email: z.string().trim().toLowerCase().max(200, 'errors.tooLong').pipe(z.email('errors.email')),
  phone: z
    .string()
    .trim()
    .max(30, 'errors.tooLong')
    .regex(/^(\+?[0-9 ()-]{5,30})?$/, 'errors.phone'),
  title: z
    .string()
    .trim()
    .max(120, 'errors.tooLong')
    .regex(/^[^<>{}\u0000-\u001f]*$/, 'errors.badChars')
    .refine(noHiddenCharacters, 'errors.hiddenCharacters'),
  /** The job title as English documents print it; empty: they print the Estonian one. */
  titleEn: z
    .string()
    .trim()
    .max(120, 'errors.tooLong')
    .regex(/^[^<>{}\u0000-\u001f]*$/, 'errors.badChars')
    .refine(noHiddenCharacters, 'errors.hiddenCharacters')
    .default(''),
  unitCode: z.string().trim().min(1, 'errors.required').max(40),
  officeCode: optionalCode,
  regionCode: z.string().trim().min(1, 'errors.required').max(40),
  managerId: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid('errors.unknownReference').nullable())
    .nullable(),
  roles: z.array(z.enum(ROLES)).min(1, 'errors.noRoles'),
});

export type StaffInput = z.input<typeof staffInputSchema>;
export type StaffData = z.output<typeof staffInputSchema>;

export const staffUpdateSchema = staffInputSchema.extend({
  id: z.uuid(),
  // Optimistic concurrency: the updatedAt the editor started from.
  version: z.string().min(1),
});
export type StaffUpdateInput = z.input<typeof staffUpdateSchema>;

export const staffActiveSchema = z.object({ id: z.uuid(), active: z.boolean() });
