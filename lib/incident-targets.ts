import { weekdays, workingMinutesBetween, type WorkingDays } from './tallinn-time';

export type TargetState = { state: 'met' | 'breached' | 'open' | 'overdue'; minutes: number };

/**
 * Where a ticket stands against one target: met or breached once done (by when it was
 * done), otherwise the working minutes left, or overdue by how many.
 */
export function targetState(due: Date, doneAt: Date | null, now = new Date(), isWorkingDay: WorkingDays = weekdays): TargetState {
  if (doneAt) return { state: doneAt <= due ? 'met' : 'breached', minutes: Math.abs(workingMinutesBetween(due, doneAt, isWorkingDay)) };
  const left = workingMinutesBetween(now, due, isWorkingDay);
  return now > due ? { state: 'overdue', minutes: Math.abs(left) } : { state: 'open', minutes: left };
}

export function hoursAndMinutes(minutes: number): { h: number; m: number } {
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}
