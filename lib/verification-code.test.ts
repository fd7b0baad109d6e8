import { describe, expect, it } from 'vitest';
import { formatVerificationCode, newVerificationCode, parseVerificationCode, verificationUrl } from './verification-code';

describe('verification code', () => {
  it('makes codes that parse back, in every form a person or a scanner gives them', () => {
    for (let i = 0; i < 200; i++) {
      const code = newVerificationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
      expect(parseVerificationCode(code)).toEqual({ ok: true, code });
      expect(parseVerificationCode(` ${formatVerificationCode(code).toLowerCase()} `)).toEqual({ ok: true, code });
      expect(parseVerificationCode(verificationUrl('https://toolaud.example/', code))).toEqual({ ok: true, code });
    }
  });

  it('reads the letters Crockford treats as digits', () => {
    let code = newVerificationCode();
    while (!/[01]/.test(code)) code = newVerificationCode();
    const typed = code.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(typed).not.toBe(code);
    expect(parseVerificationCode(typed)).toEqual({ ok: true, code });
  });

  it('tells a mistyped character from a wrong format', () => {
    const code = newVerificationCode();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let position = 0; position < code.length; position++) {
      const other = alphabet[(alphabet.indexOf(code[position]!) + 7) % 32]!;
      const typo = code.slice(0, position) + other + code.slice(position + 1);
      expect(parseVerificationCode(typo)).toEqual({ ok: false, error: 'checksum' });
    }
    expect(parseVerificationCode('ABC')).toEqual({ ok: false, error: 'format' });
    expect(parseVerificationCode('K7QF-3M9X-TRU')).toEqual({ ok: false, error: 'format' });
  });

  it('prints in groups of four', () => {
    expect(formatVerificationCode('K7QF3M9XTR5')).toBe('K7QF-3M9X-TR5');
  });
});
