// Estonian personal identification code (isikukood), standard EVS 585: GYYMMDDSSSC.

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3] as const;

export type PersonalCodeInfo = {
  code: string;
  birthDate: string; // ISO yyyy-mm-dd
  sex: 'male' | 'female';
};

export type PersonalCodeError = 'format' | 'century' | 'birth-date' | 'checksum';

export function personalCodeCheckDigit(firstTen: string): number {
  const digits = [...firstTen].map(Number);
  const sum = (weights: readonly number[]) => digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) % 11;
  const first = sum(WEIGHTS_1);
  if (first !== 10) return first;
  const second = sum(WEIGHTS_2);
  return second === 10 ? 0 : second;
}

export function parsePersonalCode(input: string): { ok: true; value: PersonalCodeInfo } | { ok: false; error: PersonalCodeError } {
  const code = input.trim();
  if (!/^\d{11}$/.test(code)) return { ok: false, error: 'format' };
  const g = Number(code[0]);
  if (g < 1 || g > 8) return { ok: false, error: 'century' };
  const century = 1800 + Math.floor((g - 1) / 2) * 100;
  const year = century + Number(code.slice(1, 3));
  const month = Number(code.slice(3, 5));
  const day = Number(code.slice(5, 7));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, error: 'birth-date' };
  }
  if (personalCodeCheckDigit(code.slice(0, 10)) !== Number(code[10])) return { ok: false, error: 'checksum' };
  return {
    ok: true,
    value: { code, birthDate: date.toISOString().slice(0, 10), sex: g % 2 === 1 ? 'male' : 'female' },
  };
}

export function isValidPersonalCode(input: string): boolean {
  return parsePersonalCode(input).ok;
}

/** Builds a valid code for a birth date (ISO), sex and serial: for test and demo data. */
export function makePersonalCode(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const century = Math.floor(Number(year) / 100);
  const g = (century - 18) * 2 + (sex === 'male' ? 1 : 2);
  const firstTen = `${g}${year!.slice(2)}${month}${day}${String(serial % 1000).padStart(3, '0')}`;
  return firstTen + personalCodeCheckDigit(firstTen);
}
