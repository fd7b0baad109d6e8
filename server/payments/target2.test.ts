import { describe, expect, it } from 'vitest';
import { easterSunday, isTarget2BusinessDay, nextTarget2BusinessDay } from './target2';

describe('TARGET2 business days', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('closes on weekends and the TARGET holidays, not on other Estonian holidays', () => {
    expect(isTarget2BusinessDay('2026-11-30')).toBe(true); // Monday
    expect(isTarget2BusinessDay('2026-11-28')).toBe(false); // Saturday
    for (const d of ['2027-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25']) expect(isTarget2BusinessDay(d), d).toBe(false);
    // Estonian days off that are TARGET2 business days: Independence Day, Victory Day, Midsummer, Christmas Eve.
    for (const d of ['2026-02-24', '2026-06-23', '2026-06-24', '2026-12-24']) expect(isTarget2BusinessDay(d), d).toBe(true);
    expect(nextTarget2BusinessDay('2026-12-25')).toBe('2026-12-28');
  });
});
