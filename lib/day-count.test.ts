import { describe, expect, it } from 'vitest';
import { dayUnitOf, formatDays } from './day-count';

describe('formatDays', () => {
  it('writes Estonian day counts in one form, singular only for one', () => {
    expect(formatDays(5, 'working')).toBe('5 tööpäeva');
    expect(formatDays(25, 'calendar')).toBe('25 kalendripäeva');
    expect(formatDays(1, 'working')).toBe('1 tööpäev');
    expect(formatDays(0, 'day')).toBe('0 päeva');
    expect(formatDays(21, 'day')).toBe('21 päeva');
  });

  it('writes English counts with the plural', () => {
    expect(formatDays(1, 'calendar', 'en')).toBe('1 calendar day');
    expect(formatDays(15, 'working', 'en')).toBe('15 working days');
  });

  it('names the unit of a register deadline kind', () => {
    expect(dayUnitOf('working_days')).toBe('working');
    expect(dayUnitOf('calendar_days')).toBe('calendar');
  });
});
