import { describe, expect, it } from 'vitest';
import { isValidPersonalCode, makePersonalCode, parsePersonalCode, personalCodeCheckDigit } from './personal-code';

describe('personal code (EVS 585)', () => {
  it.each(['38001085718', '60001019906', '60001017869', '36805280109'])('accepts the valid code %s', (code) => {
    expect(isValidPersonalCode(code)).toBe(true);
  });

  it('uses the second weight round when the first gives 10', () => {
    // First round over 3800108007: 3+16+0+0+5+0+56+0+0+7 = 87... kept explicit below.
    const digits = [...'3800108007'].map(Number);
    const first = digits.reduce((s, d, i) => s + d * [1, 2, 3, 4, 5, 6, 7, 8, 9, 1][i]!, 0) % 11;
    expect(first).toBe(10);
    expect(personalCodeCheckDigit('3800108007')).toBe(9);
    expect(isValidPersonalCode('38001080079')).toBe(true);
  });

  it('gives 0 when both rounds give 10', () => {
    // Search a code whose two rounds both end in 10, to pin the last rule.
    let found: string | null = null;
    for (let serial = 0; serial < 1000 && !found; serial++) {
      const ten = `3800101${String(serial).padStart(3, '0')}`;
      const d = [...ten].map(Number);
      const r1 = d.reduce((s, x, i) => s + x * [1, 2, 3, 4, 5, 6, 7, 8, 9, 1][i]!, 0) % 11;
      const r2 = d.reduce((s, x, i) => s + x * [3, 4, 5, 6, 7, 8, 9, 1, 2, 3][i]!, 0) % 11;
      if (r1 === 10 && r2 === 10) found = ten;
    }
    expect(found).not.toBeNull();
    expect(personalCodeCheckDigit(found!)).toBe(0);
  });

  it('reports birth date and sex', () => {
    expect(parsePersonalCode('60001019906')).toEqual({ ok: true, value: { code: '60001019906', birthDate: '2000-01-01', sex: 'female' } });
    expect(parsePersonalCode('38001085718')).toMatchObject({ ok: true, value: { birthDate: '1980-01-08', sex: 'male' } });
  });

  it.each([
    ['38001085719', 'checksum'],
    ['38013085718', 'birth-date'], // month 13
    ['39902290000', 'birth-date'], // 29 Feb 1999
    ['98001085718', 'century'],
    ['3800108571', 'format'],
    ['380010857180', 'format'],
    ['3800108571A', 'format'],
    ['', 'format'],
  ])('refuses %s (%s)', (code, error) => {
    expect(parsePersonalCode(code)).toEqual({ ok: false, error });
  });

  it('accepts a leap day in a leap year only', () => {
    const tenLeap = '5000229000'; // 2000 was a leap year
    expect(isValidPersonalCode(tenLeap + personalCodeCheckDigit(tenLeap))).toBe(true);
    const tenNot = '3000229000'; // 1900 was not
    expect(isValidPersonalCode(tenNot + personalCodeCheckDigit(tenNot))).toBe(false);
  });
});

describe('makePersonalCode', () => {
  it('builds valid codes that parse back to the same person', () => {
    for (const [date, sex] of [
      ['1980-01-08', 'male'],
      ['2000-01-01', 'female'],
      ['1899-12-31', 'female'],
      ['2024-02-29', 'male'],
    ] as const) {
      for (const serial of [0, 1, 571, 999]) {
        const code = makePersonalCode(date, sex, serial);
        expect(parsePersonalCode(code)).toEqual({ ok: true, value: { code, birthDate: date, sex } });
      }
    }
    expect(makePersonalCode('1980-01-08', 'male', 571)).toBe('38001085718');
  });
});
