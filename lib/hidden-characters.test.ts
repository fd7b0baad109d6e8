import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { hasHiddenCharacters, showHiddenCharacters, stripHiddenCharacters } from './hidden-characters';
import { proposalSchema } from './proposal-schema';
import { registerDocumentSchema, replySchema } from './register-schema';
import { staffInputSchema } from './staff-schema';
import { createTaskSchema } from './task-schema';

const RLO = '\u202E';
const every = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\uFEFF',
  '\u061C',
];

describe('hidden characters', () => {
  it.each(every.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase()}`, c]))('finds and strips %s', (_name, c) => {
    expect(hasHiddenCharacters(`arve${c}.pdf`)).toBe(true);
    expect(stripHiddenCharacters(`arve${c}.pdf`)).toBe('arve.pdf');
  });

  it('leaves Estonian and other visible text alone', () => {
    for (const s of ['Õnne Šõšaŕ-Žürgen', 'Taotlus nr 5/2026', 'إشعار', 'שלום', '']) expect(hasHiddenCharacters(s)).toBe(false);
  });

  it('writes them out where they would hide', () => {
    expect(showHiddenCharacters(`invoice_${RLO}fdp.exe.png`)).toBe('invoice_[U+202E]fdp.exe.png');
  });
});

// Titles and names: refused with the field's own message, the text never quietly altered.
describe('titles and names with hidden characters', () => {
  const message = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
    result.error?.issues.filter((i) => i.path.join('.') === field).map((i) => i.message);

  it.each([
    ['a register document’s title', registerDocumentSchema, 'title'],
    ['a register document’s institution', registerDocumentSchema, 'institutionName'],
    ['a reply’s title', replySchema, 'title'],
    ['a task’s title', createTaskSchema, 'title'],
    ['a proposal’s title', proposalSchema, 'title'],
    ['a staff member’s job title', staffInputSchema, 'title'],
  ] as const)('refuses %s', (_name, schema, field) => {
    expect(message(schema.safeParse({ [field]: `Arve_${RLO}fdp.exe` }), field)).toContain('errors.hiddenCharacters');
    expect(message(schema.safeParse({ [field]: `Arve\u200Bnr 5` }), field)).toContain('errors.hiddenCharacters');
    expect(message(schema.safeParse({ [field]: 'Arve nr 5' }), field) ?? []).not.toContain('errors.hiddenCharacters');
  });

  it('refuses them in people’s names (letters only)', () => {
    expect(staffInputSchema.safeParse({ givenName: `Mari${RLO}` }).error?.issues.some((i) => i.path[0] === 'givenName')).toBe(true);
  });
});

describe('CSV exports', () => {
  it('show hidden characters instead of passing them to the spreadsheet', () => {
    const csv = toCsv(['pealkiri'], [[`arve_${RLO}fdp.exe`], [`\u200B=HYPERLINK("x")`]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(hasHiddenCharacters(csv.slice(1))).toBe(false);
    expect(csv).toContain('arve_[U+202E]fdp.exe');
    expect(csv).toContain('[U+200B]=HYPERLINK');
  });
});
