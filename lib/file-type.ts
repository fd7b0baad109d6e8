// What a file is, from its first bytes (magic numbers), never from its name or the
// browser's claim: a renamed .exe stays an .exe. Shared by incident attachments and the
// correspondence register (PDF, JPEG, PNG, TIFF). Isomorphic, so forms can warn early.

export type DetectedMime = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/tiff';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const signatures: { mime: DetectedMime; test: (b: Uint8Array) => boolean }[] = [
  // PDF readers accept the header anywhere in the first 1024 bytes; producers put it first.
  { mime: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
  { mime: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { mime: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { mime: 'image/tiff', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
];

/** The file's type detected from its content, or null when it is none of the known types. */
export function detectFileType(bytes: Uint8Array): DetectedMime | null {
  return signatures.find((s) => s.test(bytes))?.mime ?? null;
}

export const extensionFor: Record<DetectedMime, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/tiff': 'tif',
};
