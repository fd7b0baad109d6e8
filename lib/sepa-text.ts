// The SEPA basic Latin character set (EPC217-08): a–z A–Z 0–9 / - ? : ( ) . , ' + and space.
// Estonian õ ä ö ü š ž are not in it. Estonian banks take them, but the file may reach any
// SEPA bank, so names and remittance text are transliterated for the file (õ→o, ä→a, ö→o,
// ü→u, š→s, ž→z, and other accented Latin letters to their base letter); the portal keeps
// the name as written. Text that still does not fit after that (another script, symbols)
// is refused when the payment is prepared, so a batch never fails at the bank.

const SEPA_BASIC = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

// prettier-ignore
const SPECIAL: Record<string, string> = {
  '’': "'", '‘': "'", '´': "'", '`': "'", '–': '-', '—': '-', ß: 'ss', Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', '&': '+',
};

/** The text in the SEPA basic Latin set, or null when some character has no transliteration. */
export function toSepaText(input: string): string | null {
  const text = [...input.normalize('NFC')]
    .map((ch) => SPECIAL[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return SEPA_BASIC.test(text) ? text : null;
}

/** Whether the text can go into a payment file (after transliteration). */
export function fitsSepa(input: string): boolean {
  return toSepaText(input) !== null;
}

/** Cut to the field's length (names 70, remittance 140) after transliteration. */
export function sepaField(input: string, max: number): string {
  const text = toSepaText(input);
  if (text === null) throw new Error('text outside the SEPA character set');
  return text.slice(0, max).trim();
}
