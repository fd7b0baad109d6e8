import { z } from 'zod';
import { clientSchema, multiline, optionalIsoDate, optionalText, signerSchema, text } from '../shared/fields';
import type { TemplateMeta } from '../shared/types';

// Duty 3.3.1: the sheet attached to a copy the specialist made of an original the client
// presented: "Koopia õige", what the original was, how many pages the copy has, who
// certified it and when. It is registered like any other outgoing document.

export const meta = {
  id: 'certified-copy',
  version: 1,
  title: { et: 'Koopia kinnitamise leht („Koopia õige”)', en: 'Certified copy sheet (“true copy”)' },
  description: {
    et: 'Kinnitus, et koopia vastab kliendi esitatud originaalile: originaali andmed, lehtede arv, kinnitaja ja kuupäev.',
    en: 'Confirms that a copy matches the original the client presented: the original, the number of pages, who certified it and when.',
  },
  documentType: 'certified-copy',
  languages: ['et'],
  history: [{ version: 1, date: '2026-11-28', change: { et: 'Esimene versioon.', en: 'First version.' } }],
} as const satisfies TemplateMeta;

export const schema = z.object({
  client: clientSchema,
  original: z.object({
    /** "Sünnitunnistus", "Tööraamat", "Arstitõend". */
    title: text(200),
    issuer: optionalText(200),
    number: optionalText(80),
    issuedOn: optionalIsoDate,
  }),
  pageCount: z.number({ error: 'errors.required' }).int('errors.number').min(1, 'errors.number').max(500, 'errors.number'),
  note: multiline(1000, { required: false }),
  signer: signerSchema,
});

export type CertifiedCopyInput = z.input<typeof schema>;
export type CertifiedCopyData = z.output<typeof schema>;

export const sample: CertifiedCopyInput = {
  client: { name: 'Jüri Õunapuu-Šmidt', personalCode: '35503070211', address: '' },
  original: { title: 'Tööraamat', issuer: 'Tallinna Masinatehas', number: 'AT-204518', issuedOn: '1974-06-03' },
  pageCount: 14,
  note: '',
  signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: '', phone: '' },
};
