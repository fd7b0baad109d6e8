import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatEuros } from '@/lib/format';
import { getTemplate } from '@/templates/registry';
import { hasCommand, pdfFonts, pdfPageCount, pdfQrCodes, pdfText } from '@/test/pdf';
import { renderDocument, renderSample, setRenderPool, TemplateDataError } from './render';
import { RenderPool } from './render-pool';

// Worker start-up and font parsing take seconds on a busy machine; these are ceilings, not timings.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// Every template renders its sample data in the real render worker, and poppler reads back
// what a client would see: the name with its Estonian letters, the registration number, the
// amounts as `1 234,56 €` (non-breaking spaces read back as spaces), and only embedded fonts.

const registration = {
  registrationNumber: '2-1/1534-1',
  registeredAt: '2026-11-20T09:30:00+02:00',
  verificationCode: 'K7QF3M9XTRF',
  verificationUrl: 'https://toolaud.example/kontrolli?kood=K7QF-3M9X-TRF',
};
const euros = (cents: number) => formatEuros(cents).replace(/\u00a0/g, ' ');

beforeAll(async () => {
  await setRenderPool(new RenderPool({ root: process.cwd(), maxRenders: 1000, renderTimeoutMs: 60_000, warmup: false }));
});
afterAll(async () => {
  await setRenderPool(undefined);
});

async function render(id: string, overrides: Record<string, unknown> = {}) {
  const data = { ...(structuredClone(getTemplate(id)!.sample) as object), ...overrides };
  return renderDocument(id, data, registration, { sealed: true });
}

function expectEmbeddedFontsOnly(bytes: Uint8Array) {
  const fonts = pdfFonts(bytes).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) {
    expect(line).toMatch(/DejaVuSans/);
    expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  }
}

describe('templates rendered to PDF', () => {
  it('benefit certificate, in Estonian', async () => {
    const bytes = await render('benefit-certificate');
    const text = pdfText(bytes);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(text).toContain('Jüri Õunapuu-Šmidt');
    expect(text).toContain('35503070211');
    expect(text).toContain('20.11.2026 nr 2-1/1534-1');
    expect(text).toContain(euros(123456));
    expect(text).toContain('1 234,56 €');
    expect(text).toContain('vanaduspension');
    expect(text).toContain('alates 01.04.2020 tähtajatult');
    expect(text).toContain('ASUTUSESISESEKS KASUTAMISEKS');
    expect(text).toContain('Juurdepääsupiirang kehtib kuni 28.11.2101');
    expect(text).toContain('Alus: AvTS § 35 lg 1 p 12');
    expect(text).toContain('Kontrollkood');
    expect(text).toContain('K7QF-3M9X-TRF');
    expect(text).toContain('Registrikood 70001975');
    expect(text).toContain('Paldiski mnt 80');
    expect(text).toContain('(kinnitatud elektroonilise templiga)');
    expectEmbeddedFontsOnly(bytes);
  });

  it('benefit certificate, in English for a foreign institution', async () => {
    const text = pdfText(
      await render('benefit-certificate', {
        language: 'en',
        benefitKind: 'survivors-pension',
        periodEnd: '2027-08-31',
        purpose: 'Deutsche Rentenversicherung',
      }),
    );
    expect(text).toContain('CERTIFICATE');
    expect(text).toContain('Jüri Õunapuu-Šmidt');
    expect(text).toContain('20.11.2026 No 2-1/1534-1');
    expect(text).toContain('survivor’s pension');
    expect(text).toContain('from 01.04.2020 until 31.08.2027');
    expect(text).toContain('€1,234.56');
    expect(text).toContain('submission to: Deutsche Rentenversicherung.');
    // The restriction mark in English, citing the Estonian legal ground.
    expect(text).toContain('FOR INTERNAL USE ONLY');
    expect(text.replace(/\s+/g, ' ')).toContain('Legal basis: AvTS § 35 lg 1 p 12 (Public Information Act)');
    expect(text).not.toContain('ASUTUSESISESEKS');
    expect(text).not.toContain('1 234,56');
  });

  it('pension insurance register notice: a row per year and the totals', async () => {
    const bytes = await render('insurance-register-notice');
    const text = pdfText(bytes);
    expect(text).toContain('Ülle Käärik-Žukova');
    expect(text).toContain('20.11.2026 nr 2-1/1534-1');
    for (const year of [2021, 2022, 2023, 2024, 2025]) expect(text).toContain(String(year));
    expect(text).toContain('01.03.2024–31.12.2024');
    expect(text).toContain(euros(342015));
    expect(text).toContain('3 420,15 €');
    // 342015 + 375620 + 281744 + 396110 + 512388 cents; 365 + 365 + 243 + 306 + 365 days.
    expect(text).toContain('19 078,77 €');
    expect(text).toMatch(/Kokku[\s\S]*1644[\s\S]*19 078,77 €[\s\S]*5,009/);
    expectEmbeddedFontsOnly(bytes);
  });

  it('missing-documents notice: what, for which application, by when, how, and what if not', async () => {
    const text = pdfText(await render('missing-documents-notice'));
    expect(text).toContain('Tõnis Põldmäe');
    expect(text).toContain('20.11.2026 nr 2-1/1534-1');
    expect(text).toContain('vanaduspensioni taotlus, registreerimisnumber 2-1/1534');
    expect(text).toContain('Kaitseväeteenistust tõendav dokument');
    expect(text).toContain('hiljemalt 14.12.2026');
    expect(text).toContain('info@sotsiaalkindlustusamet.ee');
    expect(text).toContain('haldusmenetluse seaduse § 15 lõige 2');
  });

  it('reply letter: the reference line "Teie … nr …  Meie … nr …"', async () => {
    const text = pdfText(await render('reply-letter', { theirNumber: '15-3' }));
    expect(text).toContain('Liis Mägi-Särg');
    expect(text).toContain('Teie 09.11.2026 nr 15-3');
    expect(text).toContain('Meie 20.11.2026 nr 2-1/1534-1');
    expect(text).toContain('Lugupeetud proua Mägi-Särg');
    expect(text).toContain('Lugupidamisega');
    expect(text).toContain('mari.tamm@sotsiaalkindlustusamet.ee');
  });

  it('certified copy sheet: "Koopia õige", who, when, how many pages', async () => {
    const text = pdfText(await render('certified-copy'));
    expect(text).toContain('KOOPIA ÕIGE');
    expect(text).toContain('Jüri Õunapuu-Šmidt, isikukood 35503070211');
    expect(text).toContain('Tööraamat');
    expect(text).toContain('14 lehel');
    expect(text).toContain('20.11.2026 nr 2-1/1534-1');
    expect(text).toContain('Mari Tamm');
  });

  it('draws every letter of a document that follows one with Õ and Ä (fontkit glyph cache, foliojs/fontkit#154)', async () => {
    await render('insurance-register-notice'); // Ülle Käärik-Žukova: Ä, Ü, Ž, and bold Õ in the restriction mark
    const text = pdfText(await render('certified-copy', { original: { title: 'OOO AAA Tööraamat', issuer: '', number: '', issuedOn: '' } }));
    expect(text).toContain('KOOPIA ÕIGE');
    expect(text).toContain('OOO AAA Tööraamat');
  });

  it.skipIf(!hasCommand('zbarimg'))('prints a QR code that a scanner reads as the verification address', async () => {
    expect(pdfQrCodes(await render('benefit-certificate'))).toEqual(['https://toolaud.example/kontrolli?kood=K7QF-3M9X-TRF']);
  });

  it('prints the access-restriction mark only when the data says so', async () => {
    const text = pdfText(await render('benefit-certificate', { restriction: null }));
    expect(text).not.toContain('ASUTUSESISESEKS');
  });

  it('carries a long letter over pages with the footer and page numbers on each', async () => {
    const paragraph = 'Toitjakaotuspensionile on õigus ka 18–24-aastasel lapsel, kes õpib täiskoormusega. '.repeat(6);
    const bytes = await render('reply-letter', { body: Array.from({ length: 14 }, () => paragraph).join('\n\n') });
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(bytes);
    expect(text.match(/Registrikood 70001975/g)).toHaveLength(pages);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Lk ${page} (${pages})`);
  });

  it('previews without a number or code, marked EELVAADE', async () => {
    const bytes = await renderDocument('benefit-certificate', getTemplate('benefit-certificate')!.sample, null);
    const text = pdfText(bytes);
    expect(text).toContain('EELVAADE');
    expect(text).toContain('registreeritakse väljastamisel');
    expect(text).not.toContain('Kontrollkood');
    expect(text).toContain('(allkiri)');
  });

  it('renders the sample of every template for the templates page, marked NÄIDIS', async () => {
    for (const id of ['benefit-certificate', 'insurance-register-notice', 'missing-documents-notice', 'reply-letter', 'certified-copy']) {
      const text = pdfText(await renderSample(id));
      expect(text, id).toContain('NÄIDIS');
      expect(text, id).toContain('2-1/1534-1');
    }
  });

  it('checks the data again and refuses it field by field, without rendering', async () => {
    const data = { ...(structuredClone(getTemplate('benefit-certificate')!.sample) as object), monthlyAmountCents: -100, purpose: '<script>x</script>' };
    const error = await renderDocument('benefit-certificate', data, registration).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateDataError);
    expect((error as TemplateDataError).fieldErrors).toEqual({ monthlyAmountCents: 'errors.negativeAmount', purpose: 'errors.badChars' });
  });

  it('refuses a registration it cannot print', async () => {
    await expect(
      renderDocument('benefit-certificate', getTemplate('benefit-certificate')!.sample, { ...registration, verificationCode: 'nope' }),
    ).rejects.toThrow();
  });
});
