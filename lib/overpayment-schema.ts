import { z } from 'zod';
import { requiredIdentityDocumentFields } from './identity-document';
import { parseEurosToCents } from './money';
import { isValidPersonalCode } from './personal-code';
import { addMonths, ISO_DATE } from './tallinn-time';
import { euros, isoDate } from './payment-schema';

// Applications about an overpaid pension or benefit (duty 3.8): repay in one sum, repay in
// instalments by a proposed schedule, or be released from repaying (with a reason). Only
// from a client identified from a document at the desk. The schema is built per request
// with today's date and the longest schedule allowed (OVERPAYMENT_MAX_MONTHS, 24 by
// default), so the browser and the server check the same rules.

export const OVERPAYMENT_REQUESTS = ['lump_sum', 'instalments', 'waiver'] as const;
export const OVERPAYMENT_CHANNELS = ['in_person', 'post', 'email', 'e_service'] as const;
export const MAX_INSTALMENTS = 120;

const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .regex(/^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'errors.badChars');
const name = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(100, 'errors.tooLong')
  .regex(/^\p{L}[\p{L}\p{M} '’.-]*$/u, 'errors.badChars');

export type OverpaymentRules = { today: string; maxMonths: number };

export function overpaymentSchema(rules: OverpaymentRules) {
  const latest = addMonths(rules.today, rules.maxMonths);
  return z
    .object({
      clientCode: z
        .string()
        .trim()
        .min(1, 'errors.required')
        .refine((v) => isValidPersonalCode(v), 'errors.personalCode'),
      clientGivenName: name,
      clientFamilyName: name,
      channel: z.enum(OVERPAYMENT_CHANNELS, 'errors.required'),
      ...requiredIdentityDocumentFields(rules.today),
      benefit: plain(200).min(1, 'errors.required'),
      decisionReference: plain(100),
      amount: euros,
      request: z.enum(OVERPAYMENT_REQUESTS, 'errors.required'),
      lumpSumDate: z.union([z.literal(''), isoDate]),
      waiverReason: plain(4000),
      schedule: z.array(z.object({ dueDate: isoDate, amount: euros })).max(MAX_INSTALMENTS, 'errors.scheduleTooLong'),
      submissionId: z.uuid(),
    })
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string, params?: Record<string, string>) =>
        ctx.addIssue({ code: 'custom', path, message, ...(params ? { params } : {}) });
      if (v.request === 'waiver' && v.waiverReason.length === 0) issue(['waiverReason'], 'errors.waiverReason');
      if (v.request === 'lump_sum' && v.lumpSumDate) {
        if (v.lumpSumDate < rules.today) issue(['lumpSumDate'], 'errors.pastDate');
        else if (v.lumpSumDate > latest) issue(['lumpSumDate'], 'errors.scheduleTooLate');
      }
      if (v.request !== 'instalments') return;
      if (v.schedule.length < 2) return issue(['schedule'], 'errors.scheduleTooShort');
      let previous = '';
      v.schedule.forEach((row, i) => {
        if (!ISO_DATE.test(row.dueDate)) return;
        if (row.dueDate < rules.today) issue(['schedule', i, 'dueDate'], 'errors.pastDate');
        else if (row.dueDate > latest) issue(['schedule', i, 'dueDate'], 'errors.scheduleTooLate');
        else if (previous && row.dueDate <= previous) issue(['schedule', i, 'dueDate'], 'errors.scheduleOrder');
        previous = row.dueDate;
      });
      const amount = parseEurosToCents(v.amount);
      const cents = v.schedule.map((row) => parseEurosToCents(row.amount));
      if (amount !== null && cents.every((c) => c !== null)) {
        const sum = cents.reduce<number>((a, c) => a + c!, 0);
        if (sum !== amount) issue(['schedule'], 'errors.scheduleSum');
      }
    });
}
export type OverpaymentInput = z.input<ReturnType<typeof overpaymentSchema>>;
