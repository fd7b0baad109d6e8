import { addDays, type IsoDate } from '@/server/calendar/working-days';

// A SEPA credit transfer is executed on a TARGET2 business day: not a Saturday or Sunday,
// New Year's Day, Good Friday, Easter Monday, 1 May, 25 or 26 December (ECB's TARGET
// closing days). Estonian public holidays that are not among these are business days.

/** Easter Sunday (Gregorian, the anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isTarget2BusinessDay(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const md = date.slice(5);
  if (md === '01-01' || md === '05-01' || md === '12-25' || md === '12-26') return false;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/** The date itself when it is a TARGET2 business day, else the next one. */
export function nextTarget2BusinessDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isTarget2BusinessDay(d)) d = addDays(d, 1);
  return d;
}
