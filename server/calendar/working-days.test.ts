import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueDate, isDayOff, nextWorkingDay, publicHolidays, tallinnDate } from './working-days';

describe('Estonian public holidays (date-holidays data, checked)', () => {
  it.each([2025, 2026, 2027, 2028])('%i has the twelve days off of the holidays act', (year) => {
    const days = publicHolidays(year);
    for (const fixed of ['01-01', '02-24', '05-01', '06-23', '06-24', '08-20', '12-24', '12-25', '12-26']) {
      expect(days.has(`${year}-${fixed}`), `${year}-${fixed}`).toBe(true);
    }
    expect(days.size).toBe(12);
  });

  it('moves Good Friday, Easter Sunday and Pentecost with Easter', () => {
    expect([...publicHolidays(2026)]).toEqual(expect.arrayContaining(['2026-04-03', '2026-04-05', '2026-05-24']));
    expect([...publicHolidays(2027)]).toEqual(expect.arrayContaining(['2027-03-26', '2027-03-28', '2027-05-16']));
    expect([...publicHolidays(2025)]).toEqual(expect.arrayContaining(['2025-04-18', '2025-04-20', '2025-06-08']));
  });

  it('does not count flag days (observances) as days off', () => {
    expect(isDayOff('2026-06-04')).toBe(false); // Eesti lipu päev, a Thursday
    expect(isDayOff('2026-11-16')).toBe(false);
  });

  it('counts weekends and extra days set by the administrator', () => {
    expect(isDayOff('2026-11-28')).toBe(true); // Saturday
    expect(isDayOff('2026-11-30')).toBe(false);
    expect(isDayOff('2026-11-30', { extraDaysOff: new Set(['2026-11-30']) })).toBe(true);
  });
});

describe('deadlines (TsÜS § 135 lg 1, § 136 lg 8)', () => {
  it('counts calendar days from the day after, moving a day off to the next working day', () => {
    // Memorandum (MSVS § 6): 30 calendar days.
    expect(dueDate({ kind: 'calendar_days', days: 30 }, '2026-11-02')).toBe('2026-12-02');
    // 30 days from 25 Nov 2026 is Fri 25 Dec (holiday) → Sat, Sun → Mon 28 Dec.
    expect(dueDate({ kind: 'calendar_days', days: 30 }, '2026-11-25')).toBe('2026-12-28');
    // Across New Year: 1 Jan 2027 is a Friday holiday → Mon 4 Jan.
    expect(dueDate({ kind: 'calendar_days', days: 10 }, '2026-12-22')).toBe('2027-01-04');
    // Into Easter 2027: Good Friday 26 Mar → Mon 29 Mar.
    expect(dueDate({ kind: 'calendar_days', days: 14 }, '2027-03-12')).toBe('2027-03-29');
  });

  it('counts working days, skipping weekends and holidays', () => {
    // Request for information (AvTS § 18): 5 working days. Registered Mon 21 Dec 2026:
    // Tue 22, Wed 23, (24–26 holidays, 27 Sun) Mon 28, Tue 29, Wed 30.
    expect(dueDate({ kind: 'working_days', days: 5 }, '2026-12-21')).toBe('2026-12-30');
    // Registered on a Friday: the period starts on Saturday; 5 working days → next Friday.
    expect(dueDate({ kind: 'working_days', days: 5 }, '2026-11-27')).toBe('2026-12-04');
    // Pension decision: 15 working days over Easter 2026 (3 and 5 Apr).
    expect(dueDate({ kind: 'working_days', days: 15 }, '2026-03-27')).toBe('2026-04-20');
    // Over Midsummer 2027 (Wed 23 and Thu 24 Jun).
    expect(dueDate({ kind: 'working_days', days: 5 }, '2027-06-18')).toBe('2027-06-29');
    // Over 24 February 2028 (a Thursday).
    expect(dueDate({ kind: 'working_days', days: 3 }, '2028-02-22')).toBe('2028-02-28');
  });

  it('has no due date for a rule of none', () => {
    expect(dueDate({ kind: 'none' }, '2026-11-02')).toBeNull();
  });

  it('honours extra days off', () => {
    expect(dueDate({ kind: 'working_days', days: 1 }, '2026-11-27', { extraDaysOff: new Set(['2026-11-30']) })).toBe('2026-12-01');
  });

  it('counts the days left, in calendar or working days', () => {
    expect(daysBetween('calendar_days', '2026-12-21', '2026-12-30')).toBe(9);
    expect(daysBetween('working_days', '2026-12-21', '2026-12-30')).toBe(5);
    expect(daysBetween('working_days', '2026-12-30', '2026-12-21')).toBe(-5);
    expect(daysBetween('calendar_days', '2026-12-21', '2026-12-21')).toBe(0);
  });

  it('finds the next working day and the Tallinn date of an instant', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(tallinnDate(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
    expect(tallinnDate(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01'); // summer time, UTC+3
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
