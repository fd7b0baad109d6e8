import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Poppler's command-line tools (Debian's poppler-utils, installed by scripts/test.sh) as
// independent judges of the PDFs the portal makes.

function withTempFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-pdf-'));
  const file = path.join(dir, 'document.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF in the order it is drawn (`-raw`: rotated text such as a watermark stays
 * one word), with every run of white space, line breaks included, made one plain space.
 */
export function pdfText(bytes: Uint8Array): string {
  return withTempFile(bytes, (file) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function pdfFonts(bytes: Uint8Array): string {
  return withTempFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

export function pdfPageCount(bytes: Uint8Array): number {
  const info = withTempFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** pdfsig's report; it exits non-zero for an invalid signature, which is an answer here, not an error. */
export function pdfsig(bytes: Uint8Array): string {
  return withTempFile(bytes, (file) => {
    try {
      return execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      return `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
  });
}

/** QR codes on the first page as zbarimg (Debian's zbar-tools, optional) reads them from a 150 dpi image. */
export function pdfQrCodes(bytes: Uint8Array): string[] {
  return withTempFile(bytes, (file) => {
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, `${file}-page`]);
    const out = execFileSync('zbarimg', ['-q', '--raw', `${file}-page.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter(Boolean);
  });
}

export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
