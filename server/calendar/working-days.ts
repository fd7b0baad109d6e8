import Holidays from 'date-holidays';
import { addDays, type IsoDate } from '@/lib/tallinn-time';

// Estonian working days and legal deadlines, on the calendar dates of lib/tallinn-time.ts
// (local Tallinn dates as yyyy-mm-dd: a deadline is a day, ending at 24:00, TsÜS § 135–136).
// The date helpers are re-exported so the register's many callers keep one import.
export { addDays, addMonths, addYears, tallinnDate, type IsoDate } from '@/lib/tallinn-time';

export type DeadlineRule = { kind: 'none' } | { kind: 'calendar_days' | 'working_days'; days: number };

// Public holidays (Pühade ja tähtpäevade seadus § 2) from date-holidays' Estonian data:
// its "public" days are exactly the days off; "observance" days (flag days) are not.
const holidays = new Holidays('EE');
const publicHolidayCache = new Map<number, ReadonlySet<IsoDate>>();

export function publicHolidays(year: number): ReadonlySet<IsoDate> {
  let days = publicHolidayCache.get(year);
  if (!days) {
    days = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    publicHolidayCache.set(year, days);
  }
  return days;
}

export type Calendar = { extraDaysOff?: ReadonlySet<IsoDate> };

export function isDayOff(date: IsoDate, calendar: Calendar = {}): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  if (publicHolidays(Number(date.slice(0, 4))).has(date)) return true;
  return calendar.extraDaysOff?.has(date) ?? false;
}

export function nextWorkingDay(date: IsoDate, calendar: Calendar = {}): IsoDate {
  let d = date;
  while (isDayOff(d, calendar)) d = addDays(d, 1);
  return d;
}

/**
 * The last day of a period that starts with an event on `eventDate`.
 * The period starts the day after the event (TsÜS § 135 lg 1). A period in calendar days
 * whose last day is a day off ends on the next working day (§ 136 lg 8); a period in
 * working days counts only working days, so it always ends on one.
 */
export function dueDate(rule: DeadlineRule, eventDate: IsoDate, calendar: Calendar = {}): IsoDate | null {
  if (rule.kind === 'none') return null;
  if (rule.kind === 'calendar_days') return nextWorkingDay(addDays(eventDate, rule.days), calendar);
  let d = eventDate;
  for (let counted = 0; counted < rule.days;) {
    d = addDays(d, 1);
    if (!isDayOff(d, calendar)) counted++;
  }
  return d;
}

/** Days of the rule's kind from `from` (exclusive) to `to` (inclusive); negative when `to` is past. */
export function daysBetween(kind: 'calendar_days' | 'working_days', from: IsoDate, to: IsoDate, calendar: Calendar = {}): number {
  if (to === from) return 0;
  if (kind === 'calendar_days') return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const sign = to > from ? 1 : -1;
  let count = 0;
  for (let d = from; d !== to;) {
    d = addDays(d, sign);
    if (!isDayOff(d, calendar)) count += sign;
  }
  return count;
}
