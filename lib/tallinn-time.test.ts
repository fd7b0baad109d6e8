import { describe, expect, it } from 'vitest';
import { instantToTallinnLocal, tallinnLocalToInstant } from './tallinn-time';

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
