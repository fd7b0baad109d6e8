import { z } from 'zod';
import { cents, clientSchema, isBefore, isoDate, restrictionSchema, signerSchema } from '../shared/fields';
import type { TemplateMeta } from '../shared/types';

// Duty 3.7: the notice of the client's data in the state pension insurance register: for
// each year the insurance period and the pension-insurance part of social tax, with totals.

export const meta = {
  id: 'insurance-register-notice',
  version: 1,
  title: { et: 'Teatis riikliku pensionikindlustuse registri andmete kohta', en: 'Notice of data in the state pension insurance register' },
  description: {
    et: 'Kindlustusperioodid ja sotsiaalmaks aastate kaupa tabelina, kokkuvõttega.',
    en: 'Insurance periods and social tax per year as a table, with totals.',
  },
  documentType: 'notice',
  languages: ['et'],
  history: [{ version: 1, date: '2026-11-28', change: { et: 'Esimene versioon.', en: 'First version.' } }],
} as const satisfies TemplateMeta;

const rowSchema = z
  .object({
    year: z.number({ error: 'errors.required' }).int('errors.year').min(1999, 'errors.year').max(2100, 'errors.year'),
    periodStart: isoDate,
    periodEnd: isoDate,
    /** The pension-insurance part of social tax (20 percentage points of 33 %) paid for the year. */
    socialTaxCents: cents({ max: 10_000_000_000 }),
    /** The year's pension insurance coefficient (aastakoefitsient), when the register has it. */
    coefficient: z.number({ error: 'errors.number' }).min(0, 'errors.negativeAmount').max(100, 'errors.number').nullable().default(null),
  })
  .superRefine((row, ctx) => {
    if (isBefore(row.periodEnd, row.periodStart)) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'errors.endBeforeStart' });
    for (const key of ['periodStart', 'periodEnd'] as const) {
      if (/^\d{4}-/.test(row[key]) && Number(row[key].slice(0, 4)) !== row.year) ctx.addIssue({ code: 'custom', path: [key], message: 'errors.outsideYear' });
    }
  });

export const schema = z
  .object({
    client: clientSchema,
    /** The date the register's data is given as of. */
    asOf: isoDate,
    rows: z.array(rowSchema, { error: 'errors.required' }).min(1, 'errors.required').max(80, 'errors.tooMany'),
    signer: signerSchema,
    restriction: restrictionSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.rows?.forEach((row, i) => {
      if (seen.has(row.year)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'year'], message: 'errors.duplicateYear' });
      seen.add(row.year);
    });
  });

export type InsuranceRegisterNoticeInput = z.input<typeof schema>;
export type InsuranceRegisterNoticeData = z.output<typeof schema>;

export const sample: InsuranceRegisterNoticeInput = {
  client: { name: 'Ülle Käärik-Žukova', personalCode: '46208141332', address: 'Rüütli tn 4-12\n51007 Tartu' },
  asOf: '2026-11-20',
  rows: [
    { year: 2021, periodStart: '2021-01-01', periodEnd: '2021-12-31', socialTaxCents: 342015, coefficient: 1.102 },
    { year: 2022, periodStart: '2022-01-01', periodEnd: '2022-12-31', socialTaxCents: 375620, coefficient: 1.087 },
    { year: 2023, periodStart: '2023-01-01', periodEnd: '2023-08-31', socialTaxCents: 281744, coefficient: 0.731 },
    { year: 2024, periodStart: '2024-03-01', periodEnd: '2024-12-31', socialTaxCents: 396110, coefficient: 0.925 },
    { year: 2025, periodStart: '2025-01-01', periodEnd: '2025-12-31', socialTaxCents: 512388, coefficient: 1.164 },
  ],
  signer: { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: 'mari.tamm@sotsiaalkindlustusamet.ee', phone: '612 1360' },
  restriction: { basis: 'AvTS § 35 lg 1 p 12', validUntil: '2101-11-20' },
};
