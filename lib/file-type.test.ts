import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('detectFileType', () => {
  it.each([
    ['application/pdf', bytes('%PDF-1.7\n%âãÏÓ')],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['image/tiff', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ['image/tiff', bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
  ])('recognises %s from its bytes', (mime, content) => {
    expect(detectFileType(content)).toBe(mime);
  });

  it.each([
    ['a Windows program renamed to .jpg', bytes('MZ', [0x90, 0, 3, 0])],
    ['HTML with a script', bytes('<html><script>alert(1)</script>')],
    ['an SVG (can carry scripts)', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a ZIP (Office documents)', bytes('PK', [3, 4, 20, 0])],
    ['an empty file', bytes()],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e])],
    ['RIFF that is not WebP (a WAV)', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
  ])('returns null for %s', (_what, content) => {
    expect(detectFileType(content)).toBeNull();
  });
});
