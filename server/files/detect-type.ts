// What a file really is, from its first bytes (never from its name or the browser's word).

export type DetectedType = { mime: string; extensions: readonly string[] };

const signatures: { mime: string; extensions: readonly string[]; test: (b: Uint8Array) => boolean }[] = [
  { mime: 'application/pdf', extensions: ['pdf'], test: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) }, // %PDF-
  { mime: 'image/png', extensions: ['png'], test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/tiff', extensions: ['tif', 'tiff'], test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { mime: 'image/gif', extensions: ['gif'], test: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  { mime: 'image/webp', extensions: ['webp'], test: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]) },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, i) => bytes[i] === value);
}

export function detectFileType(bytes: Uint8Array): DetectedType | null {
  const found = signatures.find((s) => s.test(bytes));
  return found ? { mime: found.mime, extensions: found.extensions } : null;
}

export type FileCheck = { ok: true; mime: string } | { ok: false; error: 'empty' | 'too-large' | 'unknown-type' | 'type-not-allowed' | 'name-mismatch' };

/** A file passes when it is not empty, not too large, of an allowed type, and named as what it is. */
export function checkFile(name: string, bytes: Uint8Array, options: { allowed: readonly string[]; maxBytes: number }): FileCheck {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > options.maxBytes) return { ok: false, error: 'too-large' };
  const type = detectFileType(bytes);
  if (!type) return { ok: false, error: 'unknown-type' };
  if (!options.allowed.includes(type.mime)) return { ok: false, error: 'type-not-allowed' };
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (name.includes('.') && !type.extensions.includes(extension)) return { ok: false, error: 'name-mismatch' };
  return { ok: true, mime: type.mime };
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'fail';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  return (cleaned || 'fail').slice(0, 200);
}
