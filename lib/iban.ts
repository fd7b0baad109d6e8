import { ValidationErrorsIBAN, validateIBAN } from 'ibantools';

// IBAN checks (ISO 13616). The structure of each country's account (length, which places
// hold digits or letters, national check digits where the library knows them) and the
// check digits come from `ibantools`, which follows SWIFT's IBAN registry; check digits
// are valid only as 02–98 (00, 01 and 99 are refused even where mod 97 gives 1).
// Which countries a payment may go to is our own rule: a benefit may be paid to an heir's
// account anywhere in the SEPA area. An Estonian IBAN is EE + 2 check digits + 2-digit
// bank code + 14-digit domestic account, whose last digit is the account's own check digit
// (weights 7-3-1 from the right), checked here as well.

// The SEPA scheme's countries (EPC409, the countries and territories list), including those
// that joined in 2024–2025: Albania, Montenegro, Moldova, North Macedonia, Serbia. Their
// territories (Åland, the French overseas departments, Jersey…) use these countries' IBANs.
// prettier-ignore
export const SEPA_IBAN_COUNTRIES: ReadonlySet<string> = new Set([
  'AD', 'AL', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GI', 'GR', 'HR',
  'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME', 'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO',
  'RS', 'SE', 'SI', 'SK', 'SM', 'VA',
]);

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

/** The check digit of an Estonian domestic account: weights 7, 3, 1 from the right. */
export function estonianAccountCheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  const weights = [7, 3, 1];
  [...digitsWithoutCheck].reverse().forEach((digit, i) => (sum += Number(digit) * weights[i % 3]!));
  return (10 - (sum % 10)) % 10;
}

/** An Estonian IBAN's 14-digit domestic account ends in its 7-3-1 check digit. */
function estonianAccountOk(iban: string): boolean {
  const account = iban.slice(6);
  return /^\d{14}$/.test(account) && estonianAccountCheckDigit(account.slice(0, -1)) === Number(account.slice(-1));
}

export type IbanError = 'format' | 'country' | 'length' | 'checksum' | 'account';

// When the library finds several faults, the one to name first.
const libraryErrors: [ValidationErrorsIBAN, IbanError][] = [
  [ValidationErrorsIBAN.NoIBANCountry, 'country'],
  [ValidationErrorsIBAN.WrongBBANLength, 'length'],
  [ValidationErrorsIBAN.ChecksumNotNumber, 'format'],
  [ValidationErrorsIBAN.WrongBBANFormat, 'format'],
  [ValidationErrorsIBAN.WrongIBANChecksum, 'checksum'],
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum, 'account'],
];

export function checkIban(input: string): { ok: true; iban: string } | { ok: false; error: IbanError } {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return { ok: false, error: 'format' };
  if (!SEPA_IBAN_COUNTRIES.has(iban.slice(0, 2))) return { ok: false, error: 'country' };
  const { valid, errorCodes } = validateIBAN(iban);
  if (!valid) return { ok: false, error: libraryErrors.find(([code]) => errorCodes.includes(code))?.[1] ?? 'format' };
  if (iban.startsWith('EE') && !estonianAccountOk(iban)) return { ok: false, error: 'account' };
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

/** A valid Estonian IBAN from a bank code and the account's first 13 digits (test and demo accounts). */
export function estonianIban(bankCode: string, account13: string): string {
  const body = `${bankCode.padStart(2, '0')}${account13.padStart(13, '0')}`;
  return ibanWithCheckDigits('EE', `${body}${estonianAccountCheckDigit(body.slice(2))}`);
}
