import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../registry';
import { TEXT_SPECS } from '../texts';
import { checkTexts, initialSources, initialTexts, parseBlock, plainText, schemaPaths, type BlockSpec } from './texts';

const text: Pick<BlockSpec, 'kind' | 'max'> = { kind: 'text', max: 2000 };
const names = ['klient.nimi', 'klient.isikukood', 'summa'];

describe('placeholders against each template’s own schema', () => {
  for (const template of TEMPLATES) {
    const spec = TEXT_SPECS[template.meta.id as keyof typeof TEXT_SPECS];
    it(`${template.meta.id}: every placeholder names a field of the schema, and version 1 passes its own rules`, () => {
      const paths = schemaPaths(template.schema);
      for (const [name, placeholder] of Object.entries(spec.placeholders)) expect(paths, `${name} → ${placeholder.path}`).toContain(placeholder.path);
      expect(checkTexts(spec, initialSources(spec), 1).ok).toBe(true);
      // Every placeholder gives a value for the sample data.
      const sample = template.schema.parse(template.sample) as never;
      for (const placeholder of Object.values(spec.placeholders)) expect(typeof placeholder.value(sample, 'et')).toBe('string');
    });
  }

  it('refuses an unknown placeholder and suggests the one meant when misspelled', () => {
    const spec = TEXT_SPECS['benefit-certificate'];
    const result = parseBlock(
      'Tõendame.\n\nIsik {klient.nmi} saab {palk}.',
      spec.blocks.find((b) => b.key === 'attests')!,
      Object.keys(spec.placeholders),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ line: 3, reason: 'unknownPlaceholder', detail: 'klient.nmi → klient.nimi' });
    expect(result.problems).toContainEqual({ line: 3, reason: 'unknownPlaceholder', detail: 'palk' });
  });

  it('refuses a block that leaves out a required placeholder', () => {
    const spec = TEXT_SPECS['benefit-certificate'];
    const sources = initialSources(spec);
    sources.attests = { et: 'Sotsiaalkindlustusamet tõendab, et isikule {klient.nimi} on määratud {hüvitis}.', en: sources.attests!.en };
    const result = checkTexts(spec, sources, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ block: 'attests', language: 'et', line: 0, reason: 'missingPlaceholder', detail: 'klient.isikukood' }]);
  });

  it('a placeholder that is a field of another template is unknown here', () => {
    const spec = TEXT_SPECS['reply-letter'];
    const result = parseBlock('Lugupeetud {klient.nimi}', spec.blocks[0]!, Object.keys(spec.placeholders));
    expect(result.ok).toBe(false);
  });

  it('both languages must be complete', () => {
    const spec = TEXT_SPECS['certified-copy'];
    const sources = initialSources(spec);
    sources.statement = { et: sources.statement!.et, en: '  ' };
    const result = checkTexts(spec, sources, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ block: 'statement', language: 'en', line: 0, reason: 'empty' }]);
  });
});

describe('the Markdown subset', () => {
  it('keeps paragraphs, bold, italic, lists and line breaks', () => {
    const result = parseBlock('Tere **{klient.nimi}**,\n*teine* rida\n\n- üks\n- kaks\n\n1. esimene\n2. teine', text, names);
    expect(result).toEqual({
      ok: true,
      block: [
        {
          t: 'p',
          c: [
            { t: 'text', v: 'Tere ' },
            { t: 'b', c: [{ t: 'ph', name: 'klient.nimi' }] },
            { t: 'text', v: ',' },
            { t: 'br' },
            { t: 'i', c: [{ t: 'text', v: 'teine' }] },
            { t: 'text', v: ' rida' },
          ],
        },
        { t: 'ul', items: [[{ t: 'text', v: 'üks' }], [{ t: 'text', v: 'kaks' }]] },
        { t: 'ol', items: [[{ t: 'text', v: 'esimene' }], [{ t: 'text', v: 'teine' }]] },
      ],
    });
  });

  it('keeps a bare e-mail address and escaped characters as text', () => {
    const result = parseBlock('Kirjutage info@sotsiaalkindlustusamet.ee, hind 5 \\* 2', text, names);
    expect(result.ok && plainText(result.block, () => '')).toBe('Kirjutage info@sotsiaalkindlustusamet.ee, hind 5 * 2');
  });

  it('refuses headings, links, HTML, code, quotes, tables, nested lists, with the line', () => {
    const source = [
      'Esimene lõik.',
      '',
      '# Pealkiri',
      '',
      '[link](https://example.com)',
      '',
      '<b>paks</b>',
      '',
      '> tsitaat',
      '',
      '- üks',
      '  - sees',
      '',
      '`kood`',
    ].join('\n');
    const result = parseBlock(source, text, names);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.reason, p.detail])).toEqual([
      [3, 'notAllowed', '#'],
      [5, 'notAllowed', '[ ](…)'],
      [7, 'notAllowed', 'HTML'],
      [7, 'notAllowed', 'HTML'],
      [9, 'notAllowed', '>'],
      [12, 'nestedList', undefined],
      [14, 'notAllowed', '`'],
    ]);
  });

  it('refuses unbalanced markup and stray braces with the line', () => {
    const result = parseBlock('Hea klient\n\n**paks ilma lõputa\n\n{klient.nimi', text, names);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        { line: 3, reason: 'unbalanced', detail: '*' },
        { line: 5, reason: 'unbalanced', detail: '{' },
      ]);
  });

  it('refuses an over-long block and an empty one', () => {
    expect(parseBlock('a'.repeat(2001), text, names)).toEqual({ ok: false, problems: [{ line: 0, reason: 'tooLong', detail: '2000' }] });
    expect(parseBlock(' \n ', text, names)).toEqual({ ok: false, problems: [{ line: 0, reason: 'empty' }] });
  });

  it('a heading is one line of plain text', () => {
    expect(parseBlock('Tõend', { kind: 'heading', max: 200 }, names).ok).toBe(true);
    expect(parseBlock('Tõend\nteine rida', { kind: 'heading', max: 200 }, names)).toEqual({ ok: false, problems: [{ line: 0, reason: 'headingOneLine' }] });
    expect(parseBlock('**Tõend**', { kind: 'heading', max: 200 }, names).ok).toBe(false);
  });

  it('data put in a placeholder is never read as Markdown', () => {
    const result = parseBlock('Nimi: {klient.nimi}', text, names);
    expect(result.ok && plainText(result.block, () => '**<b>x</b>**')).toBe('Nimi: **<b>x</b>**');
  });

  it('version 1 of every template is the wording that was in code', () => {
    const reply = initialTexts(TEXT_SPECS['reply-letter']);
    expect(plainText(reply.blocks.closing!.et, () => '')).toBe('Lugupidamisega');
    const notice = initialTexts(TEXT_SPECS['insurance-register-notice']);
    expect(plainText(notice.blocks.explanation!.et, () => '')).toContain('telefonil 612\u00a01360.');
  });
});
