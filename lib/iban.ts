// IBAN checks (ISO 13616). Estonian IBANs are EE + 2 check digits + 16 digits (2-digit
// bank code + 14-digit account). A benefit may be paid to an heir's account elsewhere in
// the SEPA area, so other SEPA countries' IBANs are accepted too, with their fixed length
// and the same mod-97 checksum; everything else is refused.

// IBAN lengths of the SEPA scheme's countries (EPC409-09, the IBAN registry).
// prettier-ignore
const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27,
  GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27,
  MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** Upper case, spaces and hyphens removed: how an IBAN is stored and written into a payment file. */
export function normalizeIban(input: string): string {
  return input.replace(/[\s\u00a0-]/g, '').toUpperCase();
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, computed piecewise so no number exceeds 2^53. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export type IbanError = 'format' | 'country' | 'length' | 'checksum';

export function checkIban(input: string): { ok: true; iban: string } | { ok: false; error: IbanError } {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return { ok: false, error: 'format' };
  const length = SEPA_IBAN_LENGTHS[iban.slice(0, 2)];
  if (!length) return { ok: false, error: 'country' };
  if (iban.length !== length) return { ok: false, error: 'length' };
  if (iban.startsWith('EE') && !/^EE\d{18}$/.test(iban)) return { ok: false, error: 'format' };
  if (ibanMod97(iban) !== 1) return { ok: false, error: 'checksum' };
  return { ok: true, iban };
}

export function isValidIban(input: string): boolean {
  return checkIban(input).ok;
}

/** Groups of four for reading: `EE38 2200 2210 2014 5685`. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The check digits that make `CC00` + bban valid; for building test and demo accounts. */
export function ibanWithCheckDigits(country: string, bban: string): string {
  const remainder = ibanMod97(`${country}00${bban}`);
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}
