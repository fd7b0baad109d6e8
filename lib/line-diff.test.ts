import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('pairs a changed line and keeps the same ones', () => {
    expect(lineDiff('Tere\nhelistage 612 1360\nLugupidamisega', 'Tere\nhelistage 612 1361\nLugupidamisega')).toEqual([
      { kind: 'same', left: 'Tere', right: 'Tere' },
      { kind: 'changed', left: 'helistage 612 1360', right: 'helistage 612 1361' },
      { kind: 'same', left: 'Lugupidamisega', right: 'Lugupidamisega' },
    ]);
  });
  it('shows added and removed lines', () => {
    expect(lineDiff('a\nb', 'a\nc\nb\nd').map((r) => r.kind)).toEqual(['same', 'added', 'same', 'added']);
    expect(lineDiff('a\nb\nc', 'a\nc').map((r) => r.kind)).toEqual(['same', 'removed', 'same']);
  });
});
