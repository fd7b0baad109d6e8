import { describe, expect, it } from 'vitest';
import { makePersonalCode } from '@/lib/personal-code';
import { BULK_LIMITS, exampleCsv, getBulkTemplate, validateBulkCsv } from './bulk';
import { parseCsvText, readCsv } from '@/lib/csv-read';

const enc = (s: string) => new TextEncoder().encode(s);
const signer = { name: 'Mari Tamm', title: 'klienditeeninduse spetsialist', email: 'mari.tamm@sotsiaalkindlustusamet.ee', phone: '' };
const HEADER = 'isikukood;nimi;aadress;taotlus;taotluse number;taotlus saabunud;dokumendid;tähtaeg;märkus';
const code = (i: number) => makePersonalCode('1960-05-14', i % 2 ? 'male' : 'female', i);
const row = (i: number, over: Partial<Record<'name' | 'code' | 'docs' | 'deadline' | 'note', string>> = {}) =>
  [
    over.code ?? code(i),
    over.name ?? `Klient Nr${'a'.repeat(i % 3)} Õunapuu`,
    'Jõe tn 9-3, 80010 Pärnu',
    'vanaduspensioni taotlus',
    `2-1/${100 + i}`,
    '12.11.2026',
    over.docs ?? 'Pangakonto andmed | Töötamist tõendav dokument',
    over.deadline ?? '14.12.2026',
    over.note ?? '',
  ].join(';');
const validate = (text: string) => validateBulkCsv('missing-documents-notice', enc(text), signer);

describe('reading a CSV file', () => {
  it('reads `;` and `,`, a BOM, CRLF, quoted fields with separators, doubled quotes and line breaks', () => {
    const semi = parseCsvText('\uFEFFa;b\r\n"x;1";"say ""hi"""\r\n"two\r\nlines";z\r\n');
    expect(semi).toEqual({
      ok: true,
      table: {
        delimiter: ';',
        header: ['a', 'b'],
        records: [
          { row: 2, cells: ['x;1', 'say "hi"'] },
          { row: 3, cells: ['two\r\nlines', 'z'] },
        ],
      },
    });
    const comma = parseCsvText('a,b\n"1,5",c\n\n3,d');
    expect(comma.ok && comma.table.delimiter).toBe(',');
    // An empty line is skipped but still counted, as the spreadsheet numbers its rows.
    expect(comma.ok && comma.table.records).toEqual([
      { row: 2, cells: ['1,5', 'c'] },
      { row: 4, cells: ['3', 'd'] },
    ]);
  });

  it('refuses what is not UTF-8 text: a spreadsheet, a legacy code page, binary bytes; an unclosed quote; a file too large', () => {
    expect(readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 1000)).toMatchObject({ ok: false, error: { key: 'errors.csvSpreadsheet' } });
    // "Põder" in Windows-1257: õ is 0xF5, not UTF-8.
    expect(readCsv(new Uint8Array([0x50, 0xf5, 0x64, 0x65, 0x72]), 1000)).toMatchObject({ ok: false, error: { key: 'errors.csvNotText' } });
    expect(readCsv(new Uint8Array([0x61, 0x00, 0x62]), 1000)).toMatchObject({ ok: false, error: { key: 'errors.csvNotText' } });
    expect(readCsv(enc('a;b\n"open;x\n'), 1000)).toMatchObject({ ok: false, error: { key: 'errors.csvUnclosedQuote', params: { row: '2' } } });
    expect(readCsv(enc('x'.repeat(2000)), 1000)).toMatchObject({ ok: false, error: { key: 'errors.csvTooLarge' } });
    expect(readCsv(enc('\uFEFF \r\n'), 1000)).toMatchObject({ ok: false, error: { key: 'errors.csvEmpty' } });
  });
});

describe('validating a bulk file', () => {
  it('accepts the example file for each template, with and without BOM, `;` or `,`', () => {
    for (const id of ['missing-documents-notice', 'insurance-register-notice', 'benefit-certificate']) {
      const example = exampleCsv(getBulkTemplate(id)!);
      expect(example.startsWith('\uFEFFisikukood;nimi;aadress;')).toBe(true);
      const result = validateBulkCsv(id, enc(example), signer);
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(result.ok && result.rows.map((r) => r.row)).toEqual([2, 3]);
      // Without the BOM, with commas (LibreOffice's default), quoting what holds a comma.
      const commas = example
        .slice(1)
        .split('\r\n')
        .map((line) =>
          line
            .split(';')
            .map((cell) => (cell.includes(',') ? `"${cell}"` : cell))
            .join(','),
        )
        .join('\n');
      expect(validateBulkCsv(id, enc(commas), signer), commas).toMatchObject({ ok: true });
    }
  });

  it('turns each row into the template’s data: dates, the list, the address lines, the signer', () => {
    const result = validate(`${HEADER}\r\n${row(1)}\r\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]).toMatchObject({
      row: 2,
      personalCode: code(1),
      data: {
        client: { personalCode: code(1), address: 'Jõe tn 9-3\n80010 Pärnu' },
        application: { receivedOn: '2026-11-12', registrationNumber: '2-1/101' },
        documents: [{ name: 'Pangakonto andmed' }, { name: 'Töötamist tõendav dokument' }],
        deadline: '2026-12-14',
        signer: { name: 'Mari Tamm' },
      },
    });
  });

  it('matches headers ignoring case, diacritics and underscores', () => {
    const header = 'ISIKUKOOD;Nimi;aadress;taotlus;taotluse_number;Taotlus_saabunud;dokumendid;tahtaeg;markus';
    expect(validate(`${header}\n${row(1)}\n`).ok).toBe(true);
  });

  it('reports every bad row with its row number, column and message: invalid code, <script>, 10,000 characters, duplicates, dates', () => {
    const lines = [
      HEADER,
      row(1),
      row(2, { code: '38001085710' }), // check digit wrong
      row(3, { name: '<script>alert(1)</script>' }),
      row(4, { note: 'x'.repeat(10_000) }),
      row(5, { code: code(1) }), // the same person as row 2
      row(6, { deadline: '31.02.2026', docs: '' }),
      row(7, { deadline: '01.01.2026' }), // before the application came in
    ];
    const result = validate(lines.join('\r\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fileErrors).toEqual([]);
    expect(result.rowCount).toBe(7);
    expect(result.invalidRows).toBe(6);
    expect(result.rowErrors).toEqual([
      { row: 3, column: 'isikukood', key: 'errors.personalCode' },
      { row: 4, column: 'nimi', key: 'errors.badChars' },
      { row: 5, column: 'märkus', key: 'errors.tooLong' },
      { row: 6, column: 'isikukood', key: 'errors.csvDuplicateCode', params: { row: '2' } },
      { row: 7, column: 'dokumendid', key: 'errors.required' },
      { row: 7, column: 'tähtaeg', key: 'errors.date' },
      { row: 8, column: 'tähtaeg', key: 'errors.deadlineBeforeReceived' },
    ]);
  });

  it('refuses a file whose header is wrong, or with no rows or too many, before looking at rows', () => {
    const noCode = validate(`nimi;taotlus;salajane\nMari;x;y\n`);
    expect(noCode.ok === false && noCode.fileErrors.map((e) => e.key)).toEqual([
      'errors.csvUnknownColumn',
      'errors.csvMissingColumn',
      'errors.csvMissingColumn',
      'errors.csvMissingColumn',
      'errors.csvMissingColumn',
      'errors.csvMissingColumn',
    ]);
    expect(validate(`${HEADER}\r\n`)).toMatchObject({ ok: false, fileErrors: [{ key: 'errors.csvNoRows' }] });
    const many = [HEADER, ...Array.from({ length: BULK_LIMITS.maxRows + 1 }, (_, i) => row(i))].join('\n');
    expect(validate(many)).toMatchObject({ ok: false, fileErrors: [{ key: 'errors.csvTooManyRows', params: { max: '1000' } }] });
    expect(validateBulkCsv('reply-letter', enc(HEADER), signer)).toMatchObject({ ok: false, fileErrors: [{ key: 'errors.bulkTemplate' }] });
  });

  it('reports a signer the template refuses once for the file, not on every row', () => {
    const result = validateBulkCsv('missing-documents-notice', enc(`${HEADER}\n${row(1)}\n${row(2)}`), { ...signer, title: '' });
    expect(result).toMatchObject({ ok: false, fileErrors: [{ key: 'errors.bulkSigner', params: { fields: 'signer.title' } }], rowErrors: [] });
  });

  it('converts euros written the Estonian way and refuses amounts that are not', () => {
    const header = 'isikukood;nimi;seisuga;aasta;periood alates;periood kuni;sotsiaalmaks';
    const ok = validateBulkCsv('insurance-register-notice', enc(`${header}\n${code(1)};Mari Tamm;20.01.2026;2025;01.01.2025;31.12.2025;1 234,56 €`), signer);
    expect(ok.ok && ok.rows[0]!.data).toMatchObject({ rows: [{ socialTaxCents: 123456, year: 2025, coefficient: null }] });
    const bad = validateBulkCsv('insurance-register-notice', enc(`${header}\n${code(1)};Mari Tamm;20.01.2026;2025;01.01.2024;31.12.2025;12,345`), signer);
    expect(bad).toMatchObject({ ok: false, rowErrors: [{ row: 2, column: 'sotsiaalmaks', key: 'errors.csvAmount' }] });
    const outside = validateBulkCsv('insurance-register-notice', enc(`${header}\n${code(1)};Mari Tamm;20.01.2026;2025;01.01.2024;31.12.2025;12`), signer);
    expect(outside).toMatchObject({ ok: false, rowErrors: [{ row: 2, column: 'periood alates', key: 'errors.outsideYear' }] });
  });

  it('takes a benefit certificate’s pension or benefit by its Estonian name, and refuses one it does not know', () => {
    const header = 'isikukood;nimi;hüvitis;alates;kuni;kuusumma;kellele';
    const ok = validateBulkCsv(
      'benefit-certificate',
      enc(
        `${header}\n${code(1)};Mari Tamm;Vanaduspension;01.04.2020;;812,46;Tallinna Linnavalitsusele\n${code(2)};Jüri Mets;PUUDEGA LAPSE TOETUS;01.01.2024;31.12.2026;1 234,00 €;Tartu Linnavalitsusele`,
      ),
      signer,
    );
    expect(ok.ok && ok.rows.map((r) => r.data)).toMatchObject([
      { benefitKind: 'old-age-pension', periodStart: '2020-04-01', periodEnd: '', monthlyAmountCents: 81246, language: 'et' },
      { benefitKind: 'disabled-child-allowance', periodEnd: '2026-12-31', monthlyAmountCents: 123400 },
    ]);
    const bad = validateBulkCsv(
      'benefit-certificate',
      enc(
        `${header}\n${code(1)};Mari Tamm;pension;01.04.2020;;812,46;Tallinna Linnavalitsusele\n${code(2)};Jüri Mets;rahvapension;01.01.2024;01.01.2023;100;Tartu`,
      ),
      signer,
    );
    expect(bad).toMatchObject({
      ok: false,
      rowErrors: [
        { row: 2, column: 'hüvitis', key: 'errors.csvBenefitKind' },
        { row: 3, column: 'kuni', key: 'errors.endBeforeStart' },
      ],
    });
  });
});
