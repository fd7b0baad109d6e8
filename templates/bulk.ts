import { readCsv, type CsvReadError } from '@/lib/csv-read';
import { toCsv } from '@/lib/csv';
import { getTemplate, type TemplateId } from './registry';
import { BENEFIT_KINDS, type BenefitKind } from './shared/benefits';
import type { BulkProblem, BulkRowError } from './shared/bulk-types';

export type { BulkCounts, BulkProblem, BulkProgress, BulkRowError, BulkRunStatusValue } from './shared/bulk-types';

// Bulk notices and certificates: one CSV row per client, its columns mapped onto a template's fields,
// every row checked with the template's own zod schema (the same one the form, the server
// and the PDF use). Pure and isomorphic: the server action runs it before anything is
// stored, and the tests run it directly.

export const BULK_LIMITS = {
  /** Bytes: 1,000 rows of a notice are well under this. */
  maxBytes: 2 * 1024 * 1024,
  maxRows: 1000,
  /** Row errors listed in the report; the count says how many more. */
  maxReported: 200,
} as const;

type Kind = 'text' | 'multiline' | 'date' | 'euros' | 'decimal' | 'integer' | 'list' | 'benefit';

export type BulkColumn = {
  /** The header as the example file writes it; matched ignoring case, diacritics and `_`. */
  header: string;
  kind: Kind;
  required: boolean;
  /** Schema paths whose errors belong to this column (`*` for an array index). */
  paths: string[];
  /** Values for the example file's two rows. */
  example: [string, string];
};

export type Signer = { name: string; title: string; email: string; phone: string };

export type BulkTemplate = {
  templateId: TemplateId;
  columns: BulkColumn[];
  /** The template's input from one row's converted values (keyed by header) and the signer. */
  build(values: Record<string, unknown>, signer: Signer): unknown;
};

const PERSONAL_CODE = 'isikukood';
const clientColumns: BulkColumn[] = [
  { header: PERSONAL_CODE, kind: 'text', required: true, paths: ['client.personalCode'], example: ['38001085718', '46208141332'] },
  { header: 'nimi', kind: 'text', required: true, paths: ['client.name'], example: ['Tõnis Põldmäe', 'Ülle Käärik-Žukova'] },
  { header: 'aadress', kind: 'multiline', required: false, paths: ['client.address'], example: ['Jõe tn 9-3, 80010 Pärnu', 'Rüütli tn 4-12, 51007 Tartu'] },
];
/** An address written on one line with commas is printed as lines. */
const address = (v: unknown) => (typeof v === 'string' ? v.replace(/,\s*/g, '\n') : v);

export const BULK_TEMPLATES: readonly BulkTemplate[] = [
  {
    templateId: 'missing-documents-notice',
    columns: [
      ...clientColumns,
      { header: 'taotlus', kind: 'text', required: true, paths: ['application.title'], example: ['vanaduspensioni taotlus', 'vanaduspensioni taotlus'] },
      { header: 'taotluse number', kind: 'text', required: true, paths: ['application.registrationNumber'], example: ['2-1/1534', '2-1/1540'] },
      { header: 'taotlus saabunud', kind: 'date', required: true, paths: ['application.receivedOn'], example: ['12.11.2026', '13.11.2026'] },
      {
        header: 'dokumendid',
        kind: 'list',
        required: true,
        paths: ['documents'],
        example: ['Pangakonto andmed pensioni maksmiseks | Töötamist tõendav dokument', 'Pangakonto andmed pensioni maksmiseks'],
      },
      { header: 'tähtaeg', kind: 'date', required: true, paths: ['deadline'], example: ['14.12.2026', '14.12.2026'] },
      { header: 'märkus', kind: 'multiline', required: false, paths: ['note'], example: ['', ''] },
    ],
    build: (v, signer) => ({
      client: { name: v['nimi'], personalCode: v[PERSONAL_CODE], address: address(v['aadress'] ?? '') },
      application: { title: v['taotlus'], registrationNumber: v['taotluse number'], receivedOn: v['taotlus saabunud'] },
      documents: Array.isArray(v['dokumendid']) ? v['dokumendid'].map((name: string) => ({ name, note: '' })) : v['dokumendid'],
      deadline: v['tähtaeg'],
      channels: ['email', 'post', 'office'],
      note: v['märkus'] ?? '',
      signer,
      restriction: null,
    }),
  },
  {
    templateId: 'insurance-register-notice',
    columns: [
      ...clientColumns,
      { header: 'seisuga', kind: 'date', required: true, paths: ['asOf'], example: ['20.01.2026', '20.01.2026'] },
      { header: 'aasta', kind: 'integer', required: true, paths: ['rows', 'rows.*.year'], example: ['2025', '2025'] },
      { header: 'periood alates', kind: 'date', required: true, paths: ['rows.*.periodStart'], example: ['01.01.2025', '01.03.2025'] },
      { header: 'periood kuni', kind: 'date', required: true, paths: ['rows.*.periodEnd'], example: ['31.12.2025', '31.12.2025'] },
      { header: 'sotsiaalmaks', kind: 'euros', required: true, paths: ['rows.*.socialTaxCents'], example: ['5 123,88', '3 961,10'] },
      { header: 'aastakoefitsient', kind: 'decimal', required: false, paths: ['rows.*.coefficient'], example: ['1,164', '0,925'] },
    ],
    build: (v, signer) => ({
      client: { name: v['nimi'], personalCode: v[PERSONAL_CODE], address: address(v['aadress'] ?? '') },
      asOf: v['seisuga'],
      rows: [
        {
          year: v['aasta'],
          periodStart: v['periood alates'],
          periodEnd: v['periood kuni'],
          socialTaxCents: v['sotsiaalmaks'],
          coefficient: v['aastakoefitsient'] ?? null,
        },
      ],
      signer,
      restriction: null,
    }),
  },
  {
    // Certificates for many clients at once, e.g. for a local government's yearly check; the
    // register's restriction is printed on each, as for a single certificate.
    templateId: 'benefit-certificate',
    columns: [
      ...clientColumns,
      { header: 'hüvitis', kind: 'benefit', required: true, paths: ['benefitKind'], example: ['vanaduspension', 'rahvapension'] },
      { header: 'alates', kind: 'date', required: true, paths: ['periodStart'], example: ['01.04.2020', '01.01.2024'] },
      { header: 'kuni', kind: 'date', required: false, paths: ['periodEnd'], example: ['', '31.12.2026'] },
      { header: 'kuusumma', kind: 'euros', required: true, paths: ['monthlyAmountCents'], example: ['812,46', '342,80'] },
      { header: 'kellele', kind: 'text', required: true, paths: ['purpose'], example: ['Tallinna Linnavalitsusele', 'Tartu Linnavalitsusele'] },
    ],
    build: (v, signer) => ({
      language: 'et',
      client: { name: v['nimi'], personalCode: v[PERSONAL_CODE], address: address(v['aadress'] ?? '') },
      benefitKind: v['hüvitis'],
      periodStart: v['alates'],
      periodEnd: v['kuni'] ?? '',
      monthlyAmountCents: v['kuusumma'],
      purpose: v['kellele'],
      signer,
      restriction: null,
    }),
  },
];

export const BULK_TEMPLATE_IDS = BULK_TEMPLATES.map((t) => t.templateId);

export function getBulkTemplate(id: string): BulkTemplate | undefined {
  return BULK_TEMPLATES.find((t) => t.templateId === id);
}

/** The example file for a template: the headers and two filled rows, as Excel writes it (BOM, `;`). */
export function exampleCsv(template: BulkTemplate): string {
  return toCsv(
    template.columns.map((c) => c.header),
    [0, 1].map((i) => template.columns.map((c) => c.example[i as 0 | 1])),
  );
}

const normaliseHeader = (h: string) =>
  h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('et')
    .replace(/[\s_-]+/g, ' ')
    .trim();

type Converted = { ok: true; value: unknown } | { ok: false; key: string };

/** dd.mm.yyyy (as Estonian Excel writes dates) or yyyy-mm-dd; anything else goes to the schema to refuse. */
function toIsoDate(raw: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : raw;
}

/** "1 234,56", "1234.56", "1 234,56 €" → cents. */
function toCents(raw: string): Converted {
  const s = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return { ok: false, key: 'errors.csvAmount' };
  const cents = Math.round(Number(s) * 100);
  return cents < 0 ? { ok: false, key: 'errors.negativeAmount' } : { ok: true, value: cents };
}

/** A pension or benefit by its Estonian name as a certificate prints it ("vanaduspension"), or its id. */
function toBenefitKind(raw: string): Converted {
  const wanted = normaliseHeader(raw);
  const found = (Object.keys(BENEFIT_KINDS) as BenefitKind[]).find((id) => id === raw || normaliseHeader(BENEFIT_KINDS[id].et) === wanted);
  return found ? { ok: true, value: found } : { ok: false, key: 'errors.csvBenefitKind' };
}

function convert(kind: Kind, raw: string): Converted {
  const v = raw.trim();
  if (v === '') return { ok: true, value: kind === 'decimal' ? null : kind === 'text' || kind === 'multiline' ? '' : undefined };
  switch (kind) {
    case 'text':
    case 'multiline':
      return { ok: true, value: raw };
    case 'date':
      return { ok: true, value: toIsoDate(v) };
    case 'euros':
      return toCents(v);
    case 'decimal': {
      const s = v.replace(/\s/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, key: 'errors.csvNumber' };
    }
    case 'integer':
      return /^\d{1,9}$/.test(v) ? { ok: true, value: Number(v) } : { ok: false, key: 'errors.csvNumber' };
    case 'list':
      return { ok: true, value: v.split('|').map((item) => item.trim()) };
    case 'benefit':
      return toBenefitKind(v);
  }
}

export type BulkRow = { row: number; personalCode: string; data: unknown };
export type BulkValidation =
  | { ok: true; rows: BulkRow[] }
  | { ok: false; fileErrors: BulkProblem[]; rowErrors: BulkRowError[]; rowErrorCount: number; rowCount: number; invalidRows: number };

const fileFailure = (fileErrors: BulkProblem[], rowCount = 0): BulkValidation => ({
  ok: false,
  fileErrors,
  rowErrors: [],
  rowErrorCount: 0,
  rowCount,
  invalidRows: 0,
});

function columnFor(template: BulkTemplate, path: string): BulkColumn | undefined {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.*');
  const matches = (p: string) => generic === p || generic.startsWith(`${p}.`);
  // The most specific path wins (`rows.*.periodStart` before `rows`).
  let best: { column: BulkColumn; length: number } | undefined;
  for (const column of template.columns) {
    for (const p of column.paths) if (matches(p) && (!best || p.length > best.length)) best = { column, length: p.length };
  }
  return best?.column;
}

/**
 * Checks a whole file: that it is text, its size and row count, the header (the personal-code
 * column and every required field), then every row with the template's schema (the
 * personal code's check digit included) and duplicates of a personal code within the file.
 */
export function validateBulkCsv(templateId: string, bytes: Uint8Array, signer: Signer): BulkValidation {
  const template = getBulkTemplate(templateId);
  const definition = getTemplate(templateId);
  if (!template || !definition) return fileFailure([{ key: 'errors.bulkTemplate' }]);
  const read = readCsv(bytes, BULK_LIMITS.maxBytes);
  if (!read.ok) return fileFailure([read.error as CsvReadError]);
  const { header, records } = read.table;

  const fileErrors: BulkProblem[] = [];
  const positions = new Map<BulkColumn, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const column = template.columns.find((c) => normaliseHeader(c.header) === normaliseHeader(name));
    if (!column) fileErrors.push({ key: 'errors.csvUnknownColumn', params: { column: name } });
    else if (positions.has(column)) fileErrors.push({ key: 'errors.csvDuplicateColumn', params: { column: name } });
    else positions.set(column, index);
  });
  for (const column of template.columns) {
    if (column.required && !positions.has(column)) fileErrors.push({ key: 'errors.csvMissingColumn', params: { column: column.header } });
  }
  if (records.length === 0) fileErrors.push({ key: 'errors.csvNoRows' });
  if (records.length > BULK_LIMITS.maxRows) fileErrors.push({ key: 'errors.csvTooManyRows', params: { max: String(BULK_LIMITS.maxRows) } });
  if (fileErrors.length) return fileFailure(fileErrors, records.length);

  const rowErrors: BulkRowError[] = [];
  const rows: BulkRow[] = [];
  const firstRowOf = new Map<string, number>();
  const invalid = new Set<number>();
  const signerProblems = new Set<string>();
  for (const record of records) {
    const errors = new Map<string, BulkProblem>();
    const add = (column: string, problem: BulkProblem) => {
      if (!errors.has(column)) errors.set(column, problem);
    };
    if (record.cells.slice(header.length).some((c) => c.trim() !== '')) add('', { key: 'errors.csvExtraCells' });
    const values: Record<string, unknown> = {};
    for (const [column, index] of positions) {
      const converted = convert(column.kind, record.cells[index] ?? '');
      if (converted.ok) values[column.header] = converted.value;
      else add(column.header, { key: converted.key });
    }
    const parsed = definition.schema.safeParse(template.build(values, signer));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        const key = issue.message.startsWith('errors.') ? issue.message : 'errors.required';
        const column = columnFor(template, path);
        // The signer is the person issuing, not the file: one message for the whole file.
        if (!column) signerProblems.add(path);
        else add(column.header, { key });
      }
    }
    const code = String(values[PERSONAL_CODE] ?? '').trim();
    if (code !== '' && !errors.has(PERSONAL_CODE)) {
      const first = firstRowOf.get(code);
      if (first !== undefined) add(PERSONAL_CODE, { key: 'errors.csvDuplicateCode', params: { row: String(first) } });
      else firstRowOf.set(code, record.row);
    }
    if (errors.size) {
      invalid.add(record.row);
      for (const [column, problem] of errors) rowErrors.push({ row: record.row, column, ...problem });
    } else if (parsed.success) {
      rows.push({ row: record.row, personalCode: code, data: parsed.data });
    }
  }
  if (signerProblems.size) fileErrors.push({ key: 'errors.bulkSigner', params: { fields: [...signerProblems].join(', ') } });
  if (rowErrors.length || fileErrors.length) {
    return {
      ok: false,
      fileErrors,
      rowErrors: rowErrors.slice(0, BULK_LIMITS.maxReported),
      rowErrorCount: rowErrors.length,
      rowCount: records.length,
      invalidRows: invalid.size,
    };
  }
  return { ok: true, rows };
}
