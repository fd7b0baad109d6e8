import { z } from 'zod';
import { ISO_DATE } from './tallinn-time';

// Dates as forms send them: `yyyy-mm-dd` (a date input) and `yyyy-mm-ddThh:mm` (a local
// date-time input). The pattern alone lets `2026-13-45` through, which then ends as an
// Invalid Date deep in the domain (a RangeError, a generic error for the person); every
// schema with a date uses these, so a date that is not on the calendar is the field's own
// error.

const DATE_TIME = /^(.{10})T(\d{2}):(\d{2})$/;

/** Years the portal's work can name: nothing older than the oldest personal code's century. */
export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2200;

/** True for `yyyy-mm-dd` naming a day on the (proleptic Gregorian) calendar. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True for `yyyy-mm-ddThh:mm` with a calendar date and a time of day 00:00–23:59. */
export function isCalendarDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return !!match && isCalendarDate(match[1]!) && Number(match[2]) <= 23 && Number(match[3]) <= 59;
}

/** A required calendar date, `yyyy-mm-dd`. */
export const calendarDate = z.string({ error: 'errors.date' }).trim().refine(isCalendarDate, 'errors.date');

/** A calendar date or nothing (`''`). */
export const optionalCalendarDate = z
  .string({ error: 'errors.date' })
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), 'errors.date');

/** A local date and time, `yyyy-mm-ddThh:mm` (Europe/Tallinn by the caller's reading). */
export const calendarDateTime = z.string({ error: 'errors.dateTime' }).trim().refine(isCalendarDateTime, 'errors.dateTime');
