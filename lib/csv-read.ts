// Reading a CSV file someone saved from Excel or LibreOffice (bulk notices): UTF-8
// with or without a byte-order mark, `;` (Estonian Excel's list separator) or `,`, CRLF or
// LF line ends, fields quoted with `"` (a doubled `""` inside), line breaks inside quotes.
// Bytes that are not UTF-8 text (an .xlsx, a legacy Windows code page, a binary) are
// refused rather than guessed at, so a name never comes out garbled on a notice.

export type CsvReadError =
  | { key: 'errors.csvEmpty' }
  | { key: 'errors.csvTooLarge'; params: { max: string } }
  | { key: 'errors.csvSpreadsheet' }
  | { key: 'errors.csvNotText' }
  | { key: 'errors.csvUnclosedQuote'; params: { row: string } };

export type CsvTable = {
  delimiter: ';' | ',';
  header: string[];
  /** Each record with its row number as a spreadsheet shows it (the header is row 1). */
  records: { row: number; cells: string[] }[];
};

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; error: CsvReadError };

/** Control characters other than tab, CR and LF: a text file does not contain them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function decodeCsv(bytes: Uint8Array, maxBytes: number): { ok: true; text: string } | { ok: false; error: CsvReadError } {
  if (bytes.length > maxBytes) return { ok: false, error: { key: 'errors.csvTooLarge', params: { max: `${Math.round(maxBytes / 1024)} KB` } } };
  // An .xlsx / .ods is a ZIP (PK\x03\x04); an old .xls a compound file (D0 CF 11 E0).
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole) return { ok: false, error: { key: 'errors.csvSpreadsheet' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: { key: 'errors.csvNotText' } };
  }
  if (CONTROL.test(text)) return { ok: false, error: { key: 'errors.csvNotText' } };
  if (text.trim() === '') return { ok: false, error: { key: 'errors.csvEmpty' } };
  return { ok: true, text };
}

/** The header line's separator: the one of `;` and `,` that occurs more often outside quotes. */
function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/** Splits decoded text into records. Empty lines are skipped; cells keep their spaces (the schema trims). */
export function parseCsvText(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  // Empty lines are kept as null so the numbering still matches the spreadsheet's rows.
  const lines: (string[] | null)[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    lines.push(cells.length === 1 && cells[0]!.trim() === '' ? null : cells);
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      cell = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) return { ok: false, error: { key: 'errors.csvUnclosedQuote', params: { row: String(lines.length + 1) } } };
  if (cell !== '' || cells.length > 0) endRecord();
  // Rows are numbered as the spreadsheet numbers them: a line break inside quotes stays in
  // one spreadsheet row, so count records, not lines.
  const numbered = lines.flatMap((line, index) => (line ? [{ row: index + 1, cells: line }] : []));
  const [header, ...records] = numbered;
  if (!header) return { ok: false, error: { key: 'errors.csvEmpty' } };
  return { ok: true, table: { delimiter, header: header.cells.map((h) => h.trim()), records } };
}

export function readCsv(bytes: Uint8Array, maxBytes: number): CsvReadResult {
  const decoded = decodeCsv(bytes, maxBytes);
  return decoded.ok ? parseCsvText(decoded.text) : decoded;
}
