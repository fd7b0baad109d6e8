import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, instantToTallinnLocal, tallinnLocalToInstant, weekdays, workingMinutesBetween } from './tallinn-time';

describe('Tallinn wall-clock time', () => {
  it('reads winter (UTC+2) and summer (UTC+3) times', () => {
    expect(tallinnLocalToInstant('2026-11-28T10:15')?.toISOString()).toBe('2026-11-28T08:15:00.000Z');
    expect(tallinnLocalToInstant('2026-07-01T00:30')?.toISOString()).toBe('2026-06-30T21:30:00.000Z');
  });

  it('round-trips', () => {
    for (const local of ['2026-03-29T05:00', '2026-10-25T02:30', '2027-01-01T00:00']) {
      expect(instantToTallinnLocal(tallinnLocalToInstant(local)!)).toBe(local);
    }
  });

  it('refuses text that is not a time', () => {
    expect(tallinnLocalToInstant('28.11.2026 10:15')).toBeNull();
    expect(tallinnLocalToInstant('')).toBeNull();
  });
});

// Tallinn is UTC+2 in winter and UTC+3 in summer (DST from the last Sunday of March).
const at = (iso: string) => new Date(iso);

describe('working time (Mon–Fri 08–17 Europe/Tallinn)', () => {
  it.each([
    ['inside the day', '2026-01-14T08:00:00Z', 60, '2026-01-14T09:00:00Z'], // Wed 10:00 → 11:00
    ['over the evening into the next morning', '2026-01-14T14:30:00Z', 60, '2026-01-15T06:30:00Z'], // Wed 16:30 → Thu 08:30
    ['from Friday afternoon to Monday', '2026-01-16T14:00:00Z', 120, '2026-01-19T07:00:00Z'], // Fri 16:00 → Mon 09:00
    ['reported on Saturday: the clock starts Monday 08:00', '2026-01-17T10:00:00Z', 60, '2026-01-19T07:00:00Z'],
    ['reported at night', '2026-01-14T02:00:00Z', 30, '2026-01-14T06:30:00Z'], // 04:00 → 08:30
    ['a full working day is 9 hours', '2026-01-14T06:00:00Z', 9 * 60, '2026-01-14T15:00:00Z'],
    ['across the switch to summer time', '2026-03-27T14:00:00Z', 120, '2026-03-30T06:00:00Z'], // Fri 16:00 EET → Mon 09:00 EEST
    ['in summer time', '2026-07-01T05:00:00Z', 60, '2026-07-01T06:00:00Z'], // 08:00 EEST → 09:00
  ])('adds minutes %s', (_what, start, minutes, expected) => {
    expect(addWorkingMinutes(at(start), minutes).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('counts working minutes between two instants, and negative when past', () => {
    expect(workingMinutesBetween(at('2026-01-16T14:00:00Z'), at('2026-01-19T07:00:00Z'))).toBe(120);
    expect(workingMinutesBetween(at('2026-01-19T07:00:00Z'), at('2026-01-16T14:00:00Z'))).toBe(-120);
    expect(workingMinutesBetween(at('2026-01-17T00:00:00Z'), at('2026-01-18T23:00:00Z'))).toBe(0);
    expect(workingMinutesBetween(at('2026-01-12T00:00:00Z'), at('2026-01-19T00:00:00Z'))).toBe(5 * 9 * 60);
  });

  it('skips the days a holiday calendar closes', () => {
    // Christmas Eve 2026 is a Thursday; with 24–26 December off, Wed 16:00 + 2 h is Mon 09:00.
    const holidays = (d: string) => weekdays(d) && !['2026-12-24', '2026-12-25'].includes(d);
    expect(addWorkingMinutes(at('2026-12-23T14:00:00Z'), 120, holidays).toISOString()).toBe('2026-12-28T07:00:00.000Z');
    expect(workingMinutesBetween(at('2026-12-23T14:00:00Z'), at('2026-12-28T07:00:00Z'), holidays)).toBe(120);
  });

  it('is the inverse of adding', () => {
    for (const start of ['2026-01-14T11:17:00Z', '2026-03-28T09:00:00Z', '2026-10-23T13:59:00Z']) {
      for (const minutes of [1, 59, 240, 540, 2400]) {
        expect(workingMinutesBetween(at(start), addWorkingMinutes(at(start), minutes))).toBe(minutes);
      }
    }
  });
});
