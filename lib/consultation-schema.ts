import { z } from 'zod';
import { isValidPersonalCode } from './personal-code';
import { ISO_DATE } from './tallinn-time';

// The consultation log (duties 3.1 and 3.12): one short record per piece of advice given,
// for statistics. The same schema runs in the form and in the domain function.

export const CONSULTATION_CHANNELS = ['office', 'phone', 'email', 'video'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];
export const CONSULTATION_OUTCOMES = ['answered', 'referred', 'application'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];
/** The durations offered as one-click choices; any whole number of minutes up to 8 hours is accepted. */
export const DURATION_PRESETS = [5, 10, 15, 30, 45] as const;
export const DEFAULT_DURATION = 10;

const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .regex(/^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'errors.badChars');

export const consultationSchema = z
  .object({
    channel: z.enum(CONSULTATION_CHANNELS, 'errors.required'),
    topicCode: z.string().regex(/^[a-z0-9_]{1,60}$/, 'errors.required'),
    clientCode: z
      .string()
      .trim()
      .refine((v) => v === '' || isValidPersonalCode(v), 'errors.personalCode'),
    durationMinutes: z.coerce.number('errors.wholeNumber').int('errors.wholeNumber').min(1, 'errors.positive').max(480, 'errors.consultationDuration'),
    outcome: z.enum(CONSULTATION_OUTCOMES, 'errors.required'),
    referredUnitCode: z.string(),
    note: plain(500),
    submissionId: z.uuid(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'referred' && !v.referredUnitCode) ctx.addIssue({ code: 'custom', path: ['referredUnitCode'], message: 'errors.required' });
  });
export type ConsultationInput = z.input<typeof consultationSchema>;

export const topicSchema = z.object({
  code: z.union([z.literal(''), z.string().regex(/^[a-z0-9_]{2,60}$/, 'errors.topicCode')]),
  nameEt: plain(120).min(1, 'errors.required'),
  nameEn: plain(120).min(1, 'errors.required'),
  isActive: z.boolean(),
});
export type TopicInput = z.input<typeof topicSchema>;

const isoDate = z.string().regex(ISO_DATE, 'errors.date');

/** The statistics period: both days inclusive, Tallinn calendar dates. */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: 'errors.endBeforeStart', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000 * 3, { message: 'errors.periodTooLong', path: ['to'] });
export type Period = z.infer<typeof periodSchema>;
