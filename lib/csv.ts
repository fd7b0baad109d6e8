import { showHiddenCharacters } from './hidden-characters';

// CSV for Excel: UTF-8 with a byte-order mark (so Estonian letters show), semicolons
// (Estonian Excel's list separator), CRLF line ends, every field quoted when needed.
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    // Bidirectional and zero-width characters are shown as [U+202E], never hidden in a cell.
    const s = v === null ? '' : showHiddenCharacters(String(v));
    // A leading = + - @ would make Excel evaluate the cell as a formula.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
