// Tallinn dates and working time, in one place: calendar dates as ISO strings, Tallinn
// wall-clock time ⇄ instants, and working time (08:00–17:00 on working days) for response
// and resolution targets. Estonian public holidays and legal deadlines build on these in
// server/calendar/working-days.ts.

export const TIME_ZONE = 'Europe/Tallinn';

// ── Calendar dates ─────────────────────────────────────────────────────────────────────
// A local Tallinn calendar date as an ISO string (yyyy-mm-dd): a deadline is a day, ending
// at 24:00 (TsÜS § 135–136).

export type IsoDate = string;

/** The one pattern of an ISO calendar date, `yyyy-mm-dd`. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Tallinn calendar date of an instant. */
export function tallinnDate(instant: Date): IsoDate {
  return dateFmt.format(instant);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `years` later (29 February stays as written, as a term in a register does). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** The same day `months` later, or that month's last day when it is shorter (an extension in months). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

// ── Wall-clock time ────────────────────────────────────────────────────────────────────
// Europe/Tallinn wall-clock time ⇄ instants, for form fields such as "received at".
const partsFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function offsetMinutes(instant: Date): number {
  const p = Object.fromEntries(partsFmt.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** `2026-11-28T10:15` read as Tallinn time → the instant. Null when the text is not such a time. */
export function tallinnLocalToInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(guess)) return null;
  // Two passes settle the offset around daylight-saving changes.
  let instant = new Date(guess - offsetMinutes(new Date(guess)) * 60000);
  instant = new Date(guess - offsetMinutes(instant) * 60000);
  return instant;
}

/** The instant as a `yyyy-mm-ddThh:mm` Tallinn wall-clock value (for datetime-local inputs). */
export function instantToTallinnLocal(instant: Date): string {
  const p = Object.fromEntries(partsFmt.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// ── Working time ───────────────────────────────────────────────────────────────────────
// 08:00–17:00 in Europe/Tallinn on working days. Which days are working days is one
// function, passed in: by default Monday to Friday (`weekdays`); the Estonian public-holiday
// calendar (server/calendar/working-days.ts) plugs in as another `WorkingDays` without
// touching this arithmetic.

export const WORKDAY = { startHour: 8, endHour: 17 } as const;

const MINUTE = 60_000;

type LocalDay = { y: number; m: number; d: number };

/** Whether staff work on a Tallinn calendar day, given as `YYYY-MM-DD`. */
export type WorkingDays = (isoDate: string) => boolean;

/** Monday to Friday. */
export const weekdays: WorkingDays = (isoDate) => {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
};

const iso = ({ y, m, d }: LocalDay) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function localParts(instant: number) {
  const p = Object.fromEntries(partsFmt.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)])) as Record<string, number>;
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** Offset of Tallinn local time from UTC at that instant, in ms (+2 h in winter, +3 h in summer). */
function offsetAt(instant: number): number {
  const p = localParts(instant);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant / 1000) * 1000;
}

/** The instant of a Tallinn wall-clock time (working hours never fall in a DST gap). */
function tallinnToUtc(day: LocalDay, hour: number): number {
  const guess = Date.UTC(day.y, day.m - 1, day.d, hour);
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

function localDayOf(instant: number): LocalDay {
  const { y, m, d } = localParts(instant);
  return { y, m, d };
}

function nextDay({ y, m, d }: LocalDay): LocalDay {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

function workWindow(day: LocalDay, isWorkingDay: WorkingDays): [number, number] | null {
  if (!isWorkingDay(iso(day))) return null;
  return [tallinnToUtc(day, WORKDAY.startHour), tallinnToUtc(day, WORKDAY.endHour)];
}

/** The instant when `minutes` of working time have passed after `start`. */
export function addWorkingMinutes(start: Date, minutes: number, isWorkingDay: WorkingDays = weekdays): Date {
  let remaining = minutes * MINUTE;
  let t = start.getTime();
  if (remaining <= 0) return new Date(t);
  for (let day = localDayOf(t); ; day = nextDay(day)) {
    const window = workWindow(day, isWorkingDay);
    if (!window) continue;
    const from = Math.max(t, window[0]);
    if (from >= window[1]) continue;
    const available = window[1] - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
    t = window[1];
  }
}

/** Working minutes from `from` to `to`; negative when `to` is earlier (a target already passed). */
export function workingMinutesBetween(from: Date, to: Date, isWorkingDay: WorkingDays = weekdays): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingMinutesBetween(to, from, isWorkingDay);
  let total = 0;
  const last = localDayOf(b);
  for (let day = localDayOf(a); ; day = nextDay(day)) {
    const window = workWindow(day, isWorkingDay);
    if (window) total += Math.max(0, Math.min(b, window[1]) - Math.max(a, window[0]));
    if (day.y === last.y && day.m === last.m && day.d === last.d) break;
  }
  return Math.floor(total / MINUTE);
}
