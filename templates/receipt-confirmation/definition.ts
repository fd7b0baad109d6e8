import { z } from 'zod';
import { isoDate, optionalIsoDate, optionalText, text } from '../shared/fields';
import type { TemplateMeta } from '../shared/types';

// The confirmation of receipt the front desk hands to a client after registering what they
// brought: the registration number, the date, what was received, the deadline and how to ask
// about it. Printed from the register entry in Estonian or English; it is the client's copy of
// the register entry, not an issued document of its own (nothing is registered for it).

export const meta = {
  id: 'receipt-confirmation',
  version: 1,
  title: { et: 'Dokumendi vastuvõtmise kinnitus', en: 'Confirmation of receipt' },
  description: {
    et: 'Kliendile: registreerimisnumber ja -kuupäev, mis vastu võeti, vastamise tähtaeg ning kuidas menetluse kohta küsida.',
    en: 'For the client: the registration number and date, what was received, the reply deadline and how to ask about it.',
  },
  documentType: 'notice',
  languages: ['et', 'en'],
  issuable: false,
  history: [{ version: 1, date: '2026-12-03', change: { et: 'Esimene versioon.', en: 'First version.' } }],
} as const satisfies TemplateMeta;

export const schema = z.object({
  language: z.enum(['et', 'en']).default('et'),
  /** The person or institution the document came from. */
  party: text(200),
  registrationNumber: text(50),
  registeredOn: isoDate,
  receivedOn: isoDate,
  /** What was received: the document type, as the client knows it ("Pensionitaotlus"). */
  typeName: text(200),
  title: optionalText(500),
  files: z.number().int().min(0).max(1000).default(0),
  pages: z.number().int().min(0).max(100_000).nullable().default(null),
  /** Who handles it: the department. */
  unitName: text(200),
  /** The reply deadline; empty when the document has none. */
  deadline: optionalIsoDate,
  /** Working or calendar days, as the type counts them, for the sentence about the deadline. */
  deadlineKind: z.enum(['none', 'working_days', 'calendar_days']).default('none'),
  registeredBy: text(200),
});

export type ReceiptConfirmationInput = z.input<typeof schema>;
export type ReceiptConfirmationData = z.output<typeof schema>;

export const sample: ReceiptConfirmationInput = {
  language: 'et',
  party: 'Tõnis Põldmäe',
  registrationNumber: '2-1/1534',
  registeredOn: '2026-11-12',
  receivedOn: '2026-11-12',
  typeName: 'Pensionitaotlus',
  title: 'Vanaduspensioni taotlus',
  files: 2,
  pages: 4,
  unitName: 'Pensionide osakond',
  deadline: '2026-12-03',
  deadlineKind: 'working_days',
  registeredBy: 'Mari Tamm',
};

export const samples = {
  en: { ...sample, language: 'en', typeName: 'Pension application', title: 'Old-age pension application', unitName: 'Pensions Department' },
} satisfies Partial<Record<'en', ReceiptConfirmationInput>>;
