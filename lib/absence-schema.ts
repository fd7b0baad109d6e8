import { z } from 'zod';
import { isoDate, text } from './task-schema';

// Absences and substitution (job description 1.4, 1.5). Periods are whole Tallinn days,
// first and last day included.

export const ABSENCE_KINDS = ['vacation', 'sick_leave', 'training', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** The longest absence one entry may hold; a longer one is entered again. */
export const MAX_ABSENCE_DAYS = 366;

export const absenceSchema = z
  .object({
    // Empty: the signed-in person's own absence.
    staffId: z.union([z.literal(''), z.uuid()]),
    kind: z.enum(ABSENCE_KINDS, 'errors.required'),
    startsOn: isoDate,
    endsOn: isoDate,
    // Empty: nobody named; the work goes to the person's manager.
    substituteId: z.union([z.literal(''), z.uuid()]),
    note: text(500),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: 'errors.absenceEnd', path: ['endsOn'] });
export type AbsenceInput = z.input<typeof absenceSchema>;

export const absenceIdSchema = z.object({ id: z.uuid() });
