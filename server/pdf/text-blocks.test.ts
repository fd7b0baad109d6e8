import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getTemplate } from '@/templates/registry';
import { checkTexts, initialSources } from '@/templates/shared/texts';
import { TEXT_SPECS } from '@/templates/texts';
import { pdfFonts, pdfText } from '@/test/pdf';
import { renderDocument, setRenderPool } from './render';
import { RenderPool } from './render-pool';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// A template's edited texts rendered by the real worker and read back by poppler: Estonian
// letters, bold, lists, placeholders filled from the data, and a word longer than the line
// (broken where it must, not cut off).

const registration = { registrationNumber: '2-1/1534-1', registeredAt: '2026-11-20T09:30:00+02:00', verificationCode: 'K7QF3M9XTRF', verificationUrl: null };

beforeAll(async () => {
  await setRenderPool(new RenderPool({ root: process.cwd(), maxRenders: 1000, renderTimeoutMs: 60_000, warmup: false }));
});
afterAll(async () => {
  await setRenderPool(undefined);
});

describe('rendering edited blocks', () => {
  it('prints Estonian letters, bold, lists and the data in place of placeholders', async () => {
    const spec = TEXT_SPECS['reply-letter'];
    const sources = initialSources(spec);
    sources.closing = {
      et: 'Küsimuste korral helistage **612 1361** või kirjutage {allkirjastaja.epost}.\n\n- õhtuti ära helista\n- šokolaad, žürii, Ä ja Ü\n\nLugupidamisega',
      en: 'Yours sincerely',
    };
    const checked = checkTexts(spec, sources, 2);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const bytes = await renderDocument('reply-letter', getTemplate('reply-letter')!.sample, registration, { sealed: true, texts: checked.texts });
    const text = pdfText(bytes);
    expect(text).toContain('Küsimuste korral helistage 612 1361 või kirjutage mari.tamm@sotsiaalkindlustusamet.ee.');
    expect(text).toContain('õhtuti ära helista');
    expect(text).toContain('šokolaad, žürii, Ä ja Ü');
    expect(text).toContain('Lugupidamisega');
    expect(text).toContain('Lugupeetud proua Mägi-Särg');
    for (const line of pdfFonts(bytes).split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/DejaVuSans/);
  });

  it('a word longer than the line is printed whole, over lines, and the rest of the page still renders', async () => {
    const spec = TEXT_SPECS['certified-copy'];
    const sources = initialSources(spec);
    const long = 'Sotsiaalkindlustusametiklienditeenindusespetsialistidekoolitusprogrammiläbiviimisejuhendmaterjalidekogumik';
    sources.statement = { et: `Kinnitan: ${long} ja {dokument.pealkiri}.`, en: sources.statement!.en };
    const checked = checkTexts(spec, sources, 2);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const bytes = await renderDocument('certified-copy', getTemplate('certified-copy')!.sample, registration, { sealed: true, texts: checked.texts });
    const text = pdfText(bytes).replace(/\s+/g, '');
    // Broken at a line's end with a hyphen (before, react-pdf dropped the letters past the margin).
    expect(text.replace(/-/g, '')).toContain(long);
    expect(text).toContain('jaTööraamat.');
    expect(text).toContain('KOOPIAÕIGE');
  });
});
