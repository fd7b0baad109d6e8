import { detectFileType, type DetectedMime } from '@/lib/file-type';
import { stripHiddenCharacters } from '@/lib/hidden-characters';

// Upload checks shared by the register's scans: the type comes from the bytes
// (lib/file-type), and the name must say the same.

const extensions: Record<DetectedMime, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
};

export type FileCheck = { ok: true; mime: string } | { ok: false; error: 'empty' | 'too-large' | 'unknown-type' | 'type-not-allowed' | 'name-mismatch' };

/** A file passes when it is not empty, not too large, of an allowed type, and named as what it is. */
export function checkFile(name: string, bytes: Uint8Array, options: { allowed: readonly string[]; maxBytes: number }): FileCheck {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (bytes.length > options.maxBytes) return { ok: false, error: 'too-large' };
  const mime = detectFileType(bytes);
  if (!mime) return { ok: false, error: 'unknown-type' };
  if (!options.allowed.includes(mime)) return { ok: false, error: 'type-not-allowed' };
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (name.includes('.') && !extensions[mime].includes(extension)) return { ok: false, error: 'name-mismatch' };
  return { ok: true, mime };
}

/**
 * A file name safe to store, to show and to send back in Content-Disposition: the one place
 * upload names are cleaned. Bidirectional and zero-width characters are dropped (they made
 * `invoice_<U+202E>fdp.exe.png` read as "invoice_gnp.exe.pdf"); path parts, control
 * characters and those Windows refuses become `_`.
 */
export function safeFileName(name: string): string {
  const base = stripHiddenCharacters(name).split(/[\\/]/).pop() ?? 'fail';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  return (cleaned || 'fail').slice(0, 200);
}
