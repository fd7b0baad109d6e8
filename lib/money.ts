// Money is kept as integer cents. Amounts typed by people are parsed from text, digit by
// digit, never through a float: `1 234,56` and `1234.5` are 123456 and 123450 cents.

export const MAX_CENTS = 99_999_999_999; // 999 999 999,99 €: the SEPA credit transfer maximum

/** Euros as typed (comma or point decimals, spaces as thousand separators) → cents, or null. */
export function parseEurosToCents(input: string): number | null {
  const text = input.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents → `1234.56`, the decimal form of payment files (no grouping, a point). */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`not an amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Cents → `1234,56` for a form field. */
export function centsToInput(cents: number): string {
  return centsToDecimal(cents).replace('.', ',');
}
