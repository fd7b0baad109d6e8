import { describe, expect, it } from 'vitest';
import { checkIban, estonianAccountCheckDigit, estonianIban, formatIban, ibanWithCheckDigits, isValidIban, normalizeIban } from './iban';

// Vectors from outside this code: SWIFT's IBAN registry examples and published Estonian
// bank examples; the check-digit aliases and the lettered German account were computed
// with an independent mod-97 implementation.
describe('IBAN', () => {
  const valid = ['EE382200221020145685', 'EE89 1010 2200 3479 6011', 'ee47 1000 0010 2014 5685', estonianIban('77', '0077100312345')];

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

  it('checks the Estonian account’s own 7-3-1 check digit, even when mod 97 holds', () => {
    // 221020145685: 7·8+3·6+1·5+7·4+3·1+1·0+7·2+3·0+1·1+7·2+3·2 = 145 → check digit 5.
    expect(estonianAccountCheckDigit('0022102014568')).toBe(5);
    expect(estonianAccountCheckDigit('1022003479601')).toBe(1);
    // The IBAN's check digits are right (mod 97 = 1), the account's last digit is not.
    expect(checkIban('EE13 1010 0100 2014 5685')).toEqual({ ok: false, error: 'account' });
    expect(checkIban(ibanWithCheckDigits('EE', '2200221020145686'))).toEqual({ ok: false, error: 'account' });
    expect(isValidIban('EE94 1010 0100 2014 5682')).toBe(true);
  });

  it('refuses the check digits 00, 01 and 99 although mod 97 gives 1 (ISO 13616 allows 02–98)', () => {
    expect(isValidIban('DE02370400440000000024')).toBe(true);
    expect(isValidIban('DE98370400440000000042')).toBe(true);
    expect(isValidIban('DE97370400440000000060')).toBe(true);
    expect(checkIban('DE99370400440000000024')).toEqual({ ok: false, error: 'checksum' });
    expect(checkIban('DE01370400440000000042')).toEqual({ ok: false, error: 'checksum' });
    expect(checkIban('DE00370400440000000060')).toEqual({ ok: false, error: 'checksum' });
  });

  it('checks each country’s account structure: no letter in a German account', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(checkIban('DE05 3704 0044 0532 0130 0A')).toEqual({ ok: false, error: 'format' });
  });

  it.each([
    'DE89 3704 0044 0532 0130 00',
    'FI21 1234 5600 0007 85',
    'LV80 BANK 0000 4351 9500 1',
    'NO93 8601 1117 947',
    'CH93 0076 2011 6238 5295 7',
    'GB29 NWBK 6016 1331 9268 19',
    'FR14 2004 1010 0505 0001 3M02 606',
    'IT60 X054 2811 1010 0000 0123 456',
    'AD12 0001 2030 2003 5910 0100',
    'VA59 0011 2300 0012 3456 78',
    // SEPA since 2024–2025
    'AL47 2121 1009 0000 0002 3569 8741',
    'ME25 5050 0001 2345 6789 51',
    'MD24 AG00 0225 1000 1310 4168',
    'MK07 2501 2000 0058 984',
    'RS35 2600 0560 1001 6113 79',
  ])('accepts the SEPA IBAN %s', (iban) => {
    expect(checkIban(iban)).toEqual({ ok: true, iban: normalizeIban(iban) });
  });

  it('refuses a valid IBAN of a country outside SEPA', () => {
    expect(checkIban('US64SVBKUS6S3300958879')).toEqual({ ok: false, error: 'country' });
    expect(checkIban('TR33 0006 1005 1978 6457 8413 26')).toEqual({ ok: false, error: 'country' });
    expect(checkIban('UA21 3223 1300 0002 6007 2335 6600 1')).toEqual({ ok: false, error: 'country' });
  });

  it('normalises and groups for reading', () => {
    expect(normalizeIban(' ee38 2200-2210 2014 5685 ')).toBe('EE382200221020145685');
    expect(formatIban('EE382200221020145685')).toBe('EE38 2200 2210 2014 5685');
  });

  it('builds valid Estonian demo accounts', () => {
    expect(estonianIban('22', '0022102014568')).toBe('EE382200221020145685');
    for (const n of ['0000000000001', '1234567890123', '9999999999999']) expect(isValidIban(estonianIban('10', n))).toBe(true);
  });
});
