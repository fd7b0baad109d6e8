import { describe, expect, it } from 'vitest';
import { hoursAndMinutes, targetState } from './incident-targets';

describe('target state', () => {
  const due = new Date('2026-01-14T10:00:00Z'); // Wed 12:00 Tallinn
  it('counts working time left, or overdue, while open', () => {
    expect(targetState(due, null, new Date('2026-01-14T08:30:00Z'))).toEqual({ state: 'open', minutes: 90 });
    expect(targetState(due, null, new Date('2026-01-15T07:00:00Z'))).toEqual({ state: 'overdue', minutes: 5 * 60 + 60 });
  });
  it('is met or breached once done', () => {
    expect(targetState(due, new Date('2026-01-14T09:00:00Z')).state).toBe('met');
    expect(targetState(due, new Date('2026-01-14T11:00:00Z'))).toEqual({ state: 'breached', minutes: 60 });
  });
  it('splits minutes', () => expect(hoursAndMinutes(135)).toEqual({ h: 2, m: 15 }));
});
