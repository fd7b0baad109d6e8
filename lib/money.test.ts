import { describe, expect, it } from 'vitest';
import { centsToDecimal, centsToInput, parseEurosToCents } from './money';

describe('money in cents', () => {
  it('parses typed euros to integer cents without floats', () => {
    expect(parseEurosToCents('250')).toBe(25000);
    expect(parseEurosToCents('250,5')).toBe(25050);
    expect(parseEurosToCents('1 234,56 €')).toBe(123456);
    expect(parseEurosToCents('0.10')).toBe(10);
    // 0.1 + 0.2 in floats is 0.30000000000000004; cents stay exact.
    expect(parseEurosToCents('0,1')! + parseEurosToCents('0,2')!).toBe(30);
    expect(parseEurosToCents('19.99')).toBe(1999);
    for (const s of ['1.005', '12,345', '-5', 'abc', '', '1e3', '1,2,3']) expect(parseEurosToCents(s), s).toBeNull();
  });

  it('writes cents as the file decimal and back', () => {
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToInput(25050)).toBe('250,50');
    expect(() => centsToDecimal(1.5)).toThrow();
    expect(Number.isInteger(parseEurosToCents('4 567 890,12'))).toBe(true);
  });
});
