import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalIdentityDocumentFields, requireIdentityDocument, requiredIdentityDocumentFields } from './identity-document';

const today = '2026-11-27';
const required = z.object(requiredIdentityDocumentFields(today));
const optional = z.object(optionalIdentityDocumentFields(today)).superRefine((v, ctx) => requireIdentityDocument(v, ctx, false));
const issues = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};
const doc = { identityDocumentType: 'passport', identityDocumentNumber: 'K1234567', identityValidUntil: today };
const empty = { identityDocumentType: '', identityDocumentNumber: '', identityValidUntil: '' };

describe('identity document fields', () => {
  it('accepts a document valid through today, in both forms', () => {
    expect(issues(required, doc)).toEqual({});
    expect(issues(optional, doc)).toEqual({});
    expect(issues(optional, empty)).toEqual({});
  });

  it('refuses an expired document, a short or odd number and a missing field with catalogue keys', () => {
    for (const schema of [required, optional]) {
      expect(issues(schema, { ...doc, identityValidUntil: '2026-11-26' })).toEqual({ identityValidUntil: 'errors.identityExpired' });
      expect(issues(schema, { ...doc, identityValidUntil: '27.11.2026' })).toEqual({ identityValidUntil: 'errors.date' });
      expect(issues(schema, { ...doc, identityDocumentNumber: 'K12' })).toEqual({ identityDocumentNumber: 'errors.documentNumber' });
      expect(issues(schema, { ...doc, identityDocumentNumber: 'K12 34567' })).toEqual({ identityDocumentNumber: 'errors.badChars' });
    }
    expect(issues(required, empty)).toEqual({
      identityDocumentType: 'errors.required',
      identityDocumentNumber: 'errors.required',
      identityValidUntil: 'errors.required',
    });
    expect(issues(optional, { ...empty, identityDocumentType: 'id_card' })).toEqual({
      identityDocumentNumber: 'errors.required',
      identityValidUntil: 'errors.required',
    });
  });
});
