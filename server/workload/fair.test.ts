import { describe, expect, it } from 'vitest';
import { chooseFairly } from './fair';

const unit = (...open: number[]) => open.map((n, i) => ({ id: String.fromCharCode(65 + i), open: n }));

describe('fair distribution', () => {
  it('gives the document to the person with the fewest open documents', () => {
    expect(chooseFairly(unit(4, 1, 3), null)).toEqual({ chosen: { id: 'B', open: 1 }, tied: [{ id: 'B', open: 1 }] });
  });

  it('breaks ties round-robin: the next equal after whoever got the last one', () => {
    const members = unit(2, 2, 5, 2);
    expect(chooseFairly(members, null)!.chosen.id).toBe('A');
    expect(chooseFairly(members, 'A')!.chosen.id).toBe('B');
    expect(chooseFairly(members, 'B')!.chosen.id).toBe('D');
    expect(chooseFairly(members, 'D')!.chosen.id).toBe('A'); // wraps round
    expect(chooseFairly(members, 'C')!.chosen.id).toBe('D'); // the last one went to someone now busier
  });

  it('takes turns over a run of documents when everyone starts equal', () => {
    const open = new Map([
      ['A', 0],
      ['B', 0],
      ['C', 0],
    ]);
    let last = null as string | null;
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const choice = chooseFairly(
        [...open].map(([id, n]) => ({ id, open: n })),
        last,
      )!;
      order.push(choice.chosen.id);
      open.set(choice.chosen.id, open.get(choice.chosen.id)! + 1);
      last = choice.chosen.id;
    }
    expect(order).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
  });

  it('forgets a last assignee who is no longer among the members', () => {
    expect(chooseFairly(unit(1, 1), 'Z')!.chosen.id).toBe('A');
  });

  it('chooses nobody from nobody', () => {
    expect(chooseFairly([], null)).toBeNull();
  });
});
