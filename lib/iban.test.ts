import { describe, expect, it } from 'vitest';
import { checkIban, formatIban, ibanWithCheckDigits, isValidIban, normalizeIban } from './iban';

describe('IBAN', () => {
  const valid = ['EE382200221020145685', 'EE89 1010 2200 3479 6011', 'ee13 1010 0100 2014 5685', ibanWithCheckDigits('EE', '7700771003123456')];

  it.each(valid)('accepts the Estonian IBAN %s', (iban) => {
    expect(checkIban(iban)).toEqual({ ok: true, iban: normalizeIban(iban) });
  });

  it('refuses an Estonian IBAN with any one digit changed', () => {
    const iban = 'EE382200221020145685';
    for (let i = 2; i < iban.length; i++) {
      const digit = Number(iban[i]);
      const changed = `${iban.slice(0, i)}${(digit + 1) % 10}${iban.slice(i + 1)}`;
      expect(isValidIban(changed), changed).toBe(false);
    }
  });

  it('refuses two swapped digits, a wrong length and letters in an Estonian account', () => {
    expect(checkIban('EE382200221020145658')).toEqual({ ok: false, error: 'checksum' });
    expect(checkIban('EE38220022102014568')).toEqual({ ok: false, error: 'length' });
    expect(checkIban('EE3822002210201456AB')).toMatchObject({ ok: false });
    expect(checkIban('')).toEqual({ ok: false, error: 'format' });
  });

  it('accepts other SEPA countries by their length and checksum, nothing outside SEPA', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('FI21 1234 5600 0007 85')).toBe(true);
    expect(isValidIban('LV80 BANK 0000 4351 9500 1')).toBe(true);
    expect(checkIban('US64SVBKUS6S3300958879')).toEqual({ ok: false, error: 'country' });
  });

  it('normalises and groups for reading', () => {
    expect(normalizeIban(' ee38 2200-2210 2014 5685 ')).toBe('EE382200221020145685');
    expect(formatIban('EE382200221020145685')).toBe('EE38 2200 2210 2014 5685');
  });
});
