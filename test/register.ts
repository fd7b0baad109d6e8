import { randomUUID } from 'node:crypto';
import type { RegisterDocumentInput } from '@/lib/register-schema';

// The register's test fixture, beside those for tasks, incidents and assessments: a valid
// registration of a letter, as the registration form sends it. Each test names only what
// its case is about; every other field keeps these plain values (a client's letter by post,
// public, to customer service, with a fresh submission id).

export const testClient = { clientCode: '60001019906', clientGivenName: 'Mary Änn', clientFamilyName: 'O’Connež-Šuslik' } as const;

export const registrationInput = (overrides: Partial<RegisterDocumentInput> = {}): RegisterDocumentInput => ({
  typeCode: 'general_letter',
  channel: 'post',
  receivedAt: '2026-11-27T10:15',
  party: 'client',
  ...testClient,
  institutionName: '',
  institutionCode: '',
  identityChecked: false,
  identityDocumentType: '',
  identityDocumentNumber: '',
  identityValidUntil: '',
  title: 'Kiri',
  senderReference: '',
  senderDate: '',
  pages: '',
  isRestricted: false,
  restrictionGroundCode: '',
  restrictionUntil: '',
  unitCode: 'klienditeenindus',
  assigneeId: '',
  otherAuthority: false,
  matterId: '',
  submissionId: randomUUID(),
  ...overrides,
});
