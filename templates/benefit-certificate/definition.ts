import { z } from 'zod';
import { BENEFIT_KIND_IDS } from '../shared/benefits';
import { cents, clientSchema, isBefore, isoDate, optionalIsoDate, restrictionSchema, signerSchema, text } from '../shared/fields';
import type { TemplateMeta } from '../shared/types';

// Duty 3.6: a certificate that the client receives a pension or benefit, for presenting to
// another institution (a bank, a local government, a foreign social-security institution).

export const meta = {
  id: 'benefit-certificate',
  version: 2,
  title: { et: 'Tõend pensioni või toetuse saamise kohta', en: 'Certificate of receiving a pension or benefit' },
  description: {
    et: 'Kliendile: milline pension või toetus, mis perioodil ja mis summas, kellele esitamiseks. Eesti või inglise keeles.',
    en: 'For the client: which pension or benefit, for which period and in what amount, for whom. In Estonian or English.',
  },
  documentType: 'certificate',
  languages: ['et', 'en'],
  history: [
    { version: 1, date: '2026-11-28', change: { et: 'Esimene versioon.', en: 'First version.' } },
    {
      version: 2,
      date: '2026-12-03',
      change: {
        et: 'Ingliskeelsel tõendil on juurdepääsupiirangu märge inglise keeles (alus Eesti seaduse järgi) ja summa kujul €1,234.56.',
        en: 'The English certificate has the access restriction mark in English (citing the Estonian legal ground) and the amount as €1,234.56.',
      },
    },
  ],
} as const satisfies TemplateMeta;

export const schema = z
  .object({
    language: z.enum(['et', 'en'], { error: 'errors.required' }).default('et'),
    client: clientSchema,
    benefitKind: z.enum(BENEFIT_KIND_IDS, { error: 'errors.required' }),
    periodStart: isoDate,
    /** Empty when the pension is granted indefinitely. */
    periodEnd: optionalIsoDate,
    monthlyAmountCents: cents(),
    /** Whom the certificate is for: "Tallinna Linnavalitsusele", "Deutsche Rentenversicherung". */
    purpose: text(200),
    signer: signerSchema,
    restriction: restrictionSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (isBefore(v.periodEnd, v.periodStart)) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'errors.endBeforeStart' });
  });

export type BenefitCertificateInput = z.input<typeof schema>;
export type BenefitCertificateData = z.output<typeof schema>;

export const sample: BenefitCertificateInput = {
  language: 'et',
  client: { name: 'Jüri Õunapuu-Šmidt', personalCode: '35503070211', address: 'Pärnu mnt 15-7\n10141 Tallinn' },
  benefitKind: 'old-age-pension',
  periodStart: '2020-04-01',
  periodEnd: '',
  monthlyAmountCents: 123456,
  purpose: 'Tallinna Linnavalitsusele eluasemetoetuse taotlemiseks',
  signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: 'mari.tamm@sotsiaalkindlustusamet.ee', phone: '612 1360' },
  restriction: { basis: 'AvTS § 35 lg 1 p 12', validUntil: '2101-11-28' },
};

/** The English sample, as a certificate for a foreign institution would be filled in. */
export const samples = {
  en: {
    ...sample,
    language: 'en',
    purpose: 'Deutsche Rentenversicherung Bund (for the assessment of a German pension)',
    signer: { ...sample.signer, title: 'Customer Service Specialist' },
  } satisfies BenefitCertificateInput,
};
