// The short code printed (and QR-encoded) on every issued document, with which staff look
// the document up again. Ten random characters of Crockford's base 32 (no I, L, O, U, so
// nothing is mistaken for a digit) and one Luhn mod 32 check character, which catches every
// single mistyped character and most swaps of neighbours: a typo reads "mistyped", not
// "not our document". 50 random bits; every lookup (staff and the public page) counts
// against the `verify` rate limit per IP (server/ops/rate-limit.ts).

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_LENGTH = 10;
export const VERIFICATION_CODE_LENGTH = DATA_LENGTH + 1;

function checkCharacter(data: string): string {
  // Luhn mod N, N = 32: double every second value from the right.
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(data[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** A new random code, e.g. `K7QF3M9XTR5` (store it like this; show it with formatVerificationCode). */
export function newVerificationCode(): string {
  const bytes = new Uint8Array(DATA_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  const data = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return data + checkCharacter(data);
}

/** `K7QF3M9XTR5` → `K7QF-3M9X-TR5`, as printed on the document. */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export type VerificationCodeParse = { ok: true; code: string } | { ok: false; error: 'format' | 'checksum' };

/**
 * What a person typed or a scanner read, to the stored form: accepts the printed groups,
 * lower case, spaces, the confusable letters Crockford maps (O→0, I/L→1), and the QR code's
 * URL (`…/kontrolli?kood=K7QF-3M9X-TR5`).
 */
export function parseVerificationCode(input: string): VerificationCodeParse {
  let text = input.trim();
  const fromUrl = /[?&]kood=([^&#\s]+)/i.exec(text);
  if (fromUrl) text = decodeURIComponent(fromUrl[1]!);
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== VERIFICATION_CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return { ok: false, error: 'format' };
  if (checkCharacter(code.slice(0, DATA_LENGTH)) !== code[DATA_LENGTH]) return { ok: false, error: 'checksum' };
  return { ok: true, code };
}

/** The address the QR code carries: the portal's verification page with the code filled in. */
export function verificationUrl(portalUrl: string, code: string): string {
  return `${portalUrl.replace(/\/$/, '')}/kontrolli?kood=${formatVerificationCode(code)}`;
}
