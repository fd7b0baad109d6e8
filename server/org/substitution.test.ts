import { describe, expect, it } from 'vitest';
import { findCycle, holderAt, resolveAssignee, absencesOn, type AbsenceSpan, type PersonInfo } from './substitution';

// A team: manager M; specialists A, B, C, D. Everyone active unless a test says so.
const person = (id: string, managerId: string | null = 'M', isActive = true): PersonInfo => ({ id, managerId, isActive });
const team = (overrides: PersonInfo[] = []) =>
  new Map([person('M', null), person('A'), person('B'), person('C'), person('D'), ...overrides].map((p) => [p.id, p]));
const away = (staffId: string, substituteId: string | null, startsOn = '2026-12-01', endsOn = '2026-12-31'): AbsenceSpan => ({
  staffId,
  substituteId,
  startsOn,
  endsOn,
});
const on = (spans: AbsenceSpan[], day = '2026-12-10') => absencesOn(spans, day);

describe('who holds an absent person’s work', () => {
  it('a present person holds their own work', () => {
    expect(resolveAssignee('A', on([away('B', 'C')]), team())).toEqual({ assigneeId: 'A', via: 'self', chain: ['A'], forId: null });
  });

  it('an absent person’s work goes to their substitute', () => {
    expect(resolveAssignee('A', on([away('A', 'B')]), team())).toEqual({ assigneeId: 'B', via: 'substitute', chain: ['A', 'B'], forId: 'A' });
  });

  it('follows the chain when the substitute is absent too (A → B → C)', () => {
    expect(resolveAssignee('A', on([away('A', 'B'), away('B', 'C')]), team())).toEqual({
      assigneeId: 'C',
      via: 'substitute',
      chain: ['A', 'B', 'C'],
      forId: 'A',
    });
  });

  it('goes to the manager when the chain ends at an absence without a substitute', () => {
    expect(resolveAssignee('A', on([away('A', 'B'), away('B', null)]), team())).toEqual({
      assigneeId: 'M',
      via: 'manager',
      chain: ['A', 'B', 'M'],
      forId: 'A',
    });
  });

  it('goes to the manager when the chain comes round in a circle (saved before the check, or two absences of one day)', () => {
    const resolution = resolveAssignee('A', on([away('A', 'B'), away('B', 'C'), away('C', 'A')]), team());
    expect(resolution).toMatchObject({ assigneeId: 'M', via: 'manager', forId: 'A' });
  });

  it('skips a substitute who has left and goes to the manager', () => {
    expect(resolveAssignee('A', on([away('A', 'B')]), team([person('B', 'M', false)]))).toMatchObject({ assigneeId: 'M', via: 'manager' });
  });

  it('follows the manager’s own substitute when the manager is away too', () => {
    expect(resolveAssignee('A', on([away('A', null), away('M', 'D')]), team())).toEqual({
      assigneeId: 'D',
      via: 'manager',
      chain: ['A', 'M', 'D'],
      forId: 'A',
    });
  });

  it('gives it to the manager anyway when nobody at all is available', () => {
    expect(resolveAssignee('A', on([away('A', null), away('M', null)]), team())).toMatchObject({ assigneeId: 'M', via: 'manager' });
  });

  it('keeps the work with the person when there is nobody and no manager', () => {
    expect(resolveAssignee('A', on([away('A', null)]), team([person('A', null)]))).toEqual({ assigneeId: 'A', via: 'self', chain: ['A'], forId: null });
  });

  describe('absence boundaries are midnight Europe/Tallinn', () => {
    // 1–31 December: winter time, UTC+2.
    const december = [away('A', 'B')];
    it.each([
      ['2026-11-30T21:59:59Z', 'A'], // 30.11 23:59:59 in Tallinn: not yet away
      ['2026-11-30T22:00:00Z', 'B'], // 01.12 00:00 in Tallinn: away
      ['2026-12-31T21:59:59Z', 'B'], // 31.12 23:59:59: the last day still counts
      ['2026-12-31T22:00:00Z', 'A'], // 01.01 00:00: back; new work goes to the person again
    ])('at %s the work goes to %s', (instant, holder) => {
      expect(holderAt('A', new Date(instant), december, team()).assigneeId).toBe(holder);
    });

    // July: summer time, UTC+3.
    const july = [away('A', 'B', '2026-07-01', '2026-07-31')];
    it.each([
      ['2026-06-30T20:59:59Z', 'A'],
      ['2026-06-30T21:00:00Z', 'B'],
      ['2026-07-31T20:59:59Z', 'B'],
      ['2026-07-31T21:00:00Z', 'A'],
    ])('in summer time, at %s the work goes to %s', (instant, holder) => {
      expect(holderAt('A', new Date(instant), july, team()).assigneeId).toBe(holder);
    });
  });
});

describe('saving an absence that would close a circle', () => {
  it('refuses A → B while B → A', () => {
    expect(findCycle(away('A', 'B'), [away('B', 'A')])).toEqual(['A', 'B', 'A']);
  });

  it('refuses a longer circle A → B → C → A', () => {
    expect(findCycle(away('A', 'B'), [away('B', 'C'), away('C', 'A')])).toEqual(['A', 'B', 'C', 'A']);
  });

  it('allows a chain that ends with someone present', () => {
    expect(findCycle(away('A', 'B'), [away('B', 'C')])).toBeNull();
  });

  it('allows it when the other absences do not overlap in time', () => {
    expect(findCycle(away('A', 'B', '2026-12-01', '2026-12-10'), [away('B', 'A', '2026-12-11', '2026-12-20')])).toBeNull();
  });

  it('finds a circle that only closes on a later day of the period', () => {
    // B is away (substitute A) only from the 20th: A's absence from the 1st to the 31st meets it.
    expect(findCycle(away('A', 'B'), [away('B', 'A', '2026-12-20', '2026-12-24')])).toEqual(['A', 'B', 'A']);
  });

  it('finds a circle through a middle link that starts later', () => {
    expect(findCycle(away('A', 'B'), [away('B', 'C', '2026-12-15', '2026-12-16'), away('C', 'A', '2026-12-16', '2026-12-18')])).toEqual(['A', 'B', 'C', 'A']);
  });

  it('an absence without a substitute closes no circle', () => {
    expect(findCycle(away('A', null), [away('B', 'A')])).toBeNull();
  });
});
