import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV for Excel', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(
      ['Viit', 'Pealkiri'],
      [
        ['2-1/5', 'Taotlus; "kiire"'],
        ['2-1/6', '=HYPERLINK("x")'],
        ['2-1/7', null],
      ],
    );
    expect(csv.startsWith('\uFEFFViit;Pealkiri\r\n')).toBe(true);
    expect(csv).toContain('2-1/5;"Taotlus; ""kiire"""\r\n');
    expect(csv).toContain(`2-1/6;"'=HYPERLINK(""x"")"`);
    expect(csv.endsWith('2-1/7;\r\n')).toBe(true);
  });
});
