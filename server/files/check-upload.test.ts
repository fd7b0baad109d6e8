import { describe, expect, it } from 'vitest';
import { checkFile, safeFileName } from './check-upload';

const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 3, 0, 0, 0]);
const scanTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

describe('upload checks', () => {
  it('refuses executables renamed to .pdf', () => {
    expect(checkFile('avaldus.pdf', elf, { allowed: scanTypes, maxBytes: 1000 })).toEqual({ ok: false, error: 'unknown-type' });
    expect(checkFile('avaldus.pdf', exe, { allowed: scanTypes, maxBytes: 1000 })).toEqual({ ok: false, error: 'unknown-type' });
  });

  it('refuses a PNG named .pdf, an empty file and an oversized one', () => {
    expect(checkFile('skaneering.pdf', png, { allowed: scanTypes, maxBytes: 1000 })).toEqual({ ok: false, error: 'name-mismatch' });
    expect(checkFile('tühi.pdf', new Uint8Array(), { allowed: scanTypes, maxBytes: 1000 })).toEqual({ ok: false, error: 'empty' });
    expect(checkFile('suur.pdf', pdf, { allowed: scanTypes, maxBytes: 10 })).toEqual({ ok: false, error: 'too-large' });
  });

  it('accepts a file named as what it is, in any letter case', () => {
    expect(checkFile('SKAN.JPEG', jpeg, { allowed: scanTypes, maxBytes: 1000 })).toEqual({ ok: true, mime: 'image/jpeg' });
    expect(checkFile('leht.tif', tiff, { allowed: scanTypes, maxBytes: 1000 })).toEqual({ ok: true, mime: 'image/tiff' });
  });

  it('refuses a real type that is not allowed here', () => {
    expect(checkFile('pilt.gif', new TextEncoder().encode('GIF89a...'), { allowed: scanTypes, maxBytes: 1000 })).toEqual({
      ok: false,
      error: 'type-not-allowed',
    });
  });

  it('makes file names safe', () => {
    expect(safeFileName('C:\\Users\\mari\\Taotlus "uus".pdf')).toBe('Taotlus _uus_.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('Õnne avaldus.pdf')).toBe('Õnne avaldus.pdf');
  });
});

describe('upload names with hidden characters', () => {
  it('lose bidirectional and zero-width characters, so the name shows what the file is', () => {
    expect(safeFileName('invoice_\u202Efdp.exe.png')).toBe('invoice_fdp.exe.png');
    expect(safeFileName('\u2067arve\u2069\u200B\uFEFF.pdf')).toBe('arve.pdf');
    expect(safeFileName('\u202E')).toBe('fail');
  });
});
