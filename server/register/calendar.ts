import type { Db } from '@/db/client';
import { extraDaysOff } from '@/db/schema';
import type { Calendar } from '@/server/calendar/working-days';

/** The working-day calendar with the administrator's extra days off. */
export async function loadCalendar(db: Pick<Db, 'select'>): Promise<Calendar> {
  const rows = await db.select({ day: extraDaysOff.day }).from(extraDaysOff);
  return { extraDaysOff: new Set(rows.map((r) => r.day)) };
}
