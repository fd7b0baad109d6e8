// Working time for response and resolution targets: 08:00–17:00 in Europe/Tallinn on
// working days. Which days are working days is one function, passed in: by default Monday
// to Friday (`weekdays`); the Estonian public-holiday calendar (the correspondence
// register's) plugs in as another `WorkingDays` without touching this arithmetic.

export const TIME_ZONE = 'Europe/Tallinn';
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

const partsFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

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
