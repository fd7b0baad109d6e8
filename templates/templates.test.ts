import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from './shared/types';
import { getTemplate, TEMPLATE_IDS, TEMPLATES, validateTemplateData } from './registry';

// The schemas are the single check for the form, the server and the PDF: these are the
// refusals every issuing path relies on, with the field each message belongs to.

const sampleOf = (id: string) => structuredClone(getTemplate(id)!.sample) as Record<string, unknown>;
const errorsOf = (id: string, data: unknown) => {
  const result = validateTemplateData(id, data);
  if (result.ok) throw new Error(`expected ${id} to refuse the data`);
  return result.fieldErrors;
};

describe('template registry', () => {
  it('has the document templates, each with metadata and valid sample data', () => {
    expect(TEMPLATE_IDS.sort()).toEqual([
      'benefit-certificate',
      'certified-copy',
      'insurance-register-notice',
      'missing-documents-notice',
      'receipt-confirmation',
      'reply-letter',
    ]);
    for (const { meta, schema, sample } of TEMPLATES) {
      expect(meta.title.et).not.toBe('');
      expect(meta.title.en).not.toBe('');
      expect(DOCUMENT_TYPES).toContain(meta.documentType);
      expect(meta.history.at(-1)!.version).toBe(meta.version);
      expect(schema.safeParse(sample).success, meta.id).toBe(true);
    }
    for (const { meta, schema, samples } of TEMPLATES) {
      for (const [language, data] of Object.entries(samples ?? {})) {
        expect(meta.languages, meta.id).toContain(language);
        expect(schema.safeParse(data).success, `${meta.id} ${language}`).toBe(true);
      }
    }
  });

  it('refuses an unknown template', () => {
    expect(validateTemplateData('no-such-template', {})).toEqual({ ok: false, fieldErrors: { templateId: 'errors.notFound' } });
  });
});

describe('template data refusals', () => {
  it('names every missing required field', () => {
    const errors = errorsOf('benefit-certificate', { language: 'et' });
    expect(errors).toMatchObject({
      client: 'errors.required',
      benefitKind: 'errors.required',
      periodStart: 'errors.required',
      monthlyAmountCents: 'errors.amount',
      purpose: 'errors.required',
      signer: 'errors.required',
    });
    const blank = sampleOf('benefit-certificate');
    blank.client = { name: '  ', personalCode: '', address: '' };
    blank.purpose = '';
    expect(errorsOf('benefit-certificate', blank)).toEqual({
      'client.name': 'errors.required',
      'client.personalCode': 'errors.required',
      purpose: 'errors.required',
    });
  });

  it('refuses negative and fractional amounts', () => {
    const data = sampleOf('benefit-certificate');
    expect(errorsOf('benefit-certificate', { ...data, monthlyAmountCents: -1 })).toEqual({ monthlyAmountCents: 'errors.negativeAmount' });
    expect(errorsOf('benefit-certificate', { ...data, monthlyAmountCents: 12.5 })).toEqual({ monthlyAmountCents: 'errors.amount' });
    const notice = sampleOf('insurance-register-notice');
    (notice.rows as Record<string, unknown>[])[1]!.socialTaxCents = -500;
    expect(errorsOf('insurance-register-notice', notice)).toEqual({ 'rows.1.socialTaxCents': 'errors.negativeAmount' });
  });

  it('refuses an end before the start', () => {
    const data = { ...sampleOf('benefit-certificate'), periodStart: '2026-05-01', periodEnd: '2026-04-30' };
    expect(errorsOf('benefit-certificate', data)).toEqual({ periodEnd: 'errors.endBeforeStart' });
    const notice = sampleOf('insurance-register-notice');
    Object.assign((notice.rows as Record<string, unknown>[])[0]!, { periodStart: '2021-06-01', periodEnd: '2021-02-01' });
    expect(errorsOf('insurance-register-notice', notice)).toEqual({ 'rows.0.periodEnd': 'errors.endBeforeStart' });
    const missing = { ...sampleOf('missing-documents-notice'), deadline: '2026-11-01' };
    expect(errorsOf('missing-documents-notice', missing)).toEqual({ deadline: 'errors.deadlineBeforeReceived' });
  });

  it('refuses dates that do not exist and periods outside their year', () => {
    expect(errorsOf('benefit-certificate', { ...sampleOf('benefit-certificate'), periodStart: '2026-02-30' })).toEqual({ periodStart: 'errors.date' });
    const notice = sampleOf('insurance-register-notice');
    (notice.rows as Record<string, unknown>[])[2]!.periodEnd = '2024-01-31';
    expect(errorsOf('insurance-register-notice', notice)).toEqual({ 'rows.2.periodEnd': 'errors.outsideYear' });
    (notice.rows as Record<string, unknown>[])[2]!.periodEnd = '2023-08-31';
    (notice.rows as Record<string, unknown>[])[3]!.year = 2023;
    expect(errorsOf('insurance-register-notice', notice)).toMatchObject({ 'rows.3.year': 'errors.duplicateYear' });
  });

  it('refuses an invalid personal code wherever one is asked', () => {
    for (const id of ['benefit-certificate', 'insurance-register-notice', 'missing-documents-notice', 'certified-copy']) {
      const data = sampleOf(id);
      data.client = { ...(data.client as object), personalCode: '38001085719' };
      expect(errorsOf(id, data), id).toEqual({ 'client.personalCode': 'errors.personalCode' });
    }
    const reply = sampleOf('reply-letter');
    reply.recipient = { ...(reply.recipient as object), personalCode: '12345678901' };
    expect(errorsOf('reply-letter', reply)).toEqual({ 'recipient.personalCode': 'errors.personalCode' });
    // An institution has no personal code: empty is allowed.
    reply.recipient = { ...(reply.recipient as object), personalCode: '' };
    expect(validateTemplateData('reply-letter', reply).ok).toBe(true);
  });

  it('refuses 10,000-character fields', () => {
    const long = 'õ'.repeat(10_000);
    // Every template with a signer (the confirmation of receipt has none: it names who received).
    for (const id of TEMPLATE_IDS.filter((t) => 'signer' in sampleOf(t))) {
      const data = sampleOf(id);
      const signer = { ...(data.signer as object), title: long };
      expect(errorsOf(id, { ...data, signer }), id).toEqual({ 'signer.title': 'errors.tooLong' });
    }
    expect(errorsOf('reply-letter', { ...sampleOf('reply-letter'), body: long })).toEqual({ body: 'errors.tooLong' });
    expect(errorsOf('receipt-confirmation', { ...sampleOf('receipt-confirmation'), title: long })).toEqual({ title: 'errors.tooLong' });
    expect(errorsOf('benefit-certificate', { ...sampleOf('benefit-certificate'), purpose: long })).toEqual({ purpose: 'errors.tooLong' });
    const copy = sampleOf('certified-copy');
    expect(errorsOf('certified-copy', { ...copy, original: { ...(copy.original as object), title: long } })).toEqual({ 'original.title': 'errors.tooLong' });
  });

  it('refuses markup such as <script> in any text', () => {
    const script = '<script>alert(1)</script>';
    expect(errorsOf('reply-letter', { ...sampleOf('reply-letter'), body: `Tere!\n\n${script}` })).toEqual({ body: 'errors.badChars' });
    expect(errorsOf('reply-letter', { ...sampleOf('reply-letter'), title: script })).toEqual({ title: 'errors.badChars' });
    const cert = sampleOf('benefit-certificate');
    expect(errorsOf('benefit-certificate', { ...cert, purpose: `Pangale ${script}` })).toEqual({ purpose: 'errors.badChars' });
    expect(errorsOf('benefit-certificate', { ...cert, client: { ...(cert.client as object), name: script } })).toEqual({ 'client.name': 'errors.badChars' });
    const notice = sampleOf('missing-documents-notice');
    expect(errorsOf('missing-documents-notice', { ...notice, documents: [{ name: script, note: '' }] })).toEqual({ 'documents.0.name': 'errors.badChars' });
  });

  it('keeps Estonian letters, trims text and normalises line ends', () => {
    const data = sampleOf('reply-letter');
    const result = validateTemplateData('reply-letter', { ...data, title: '  Õige ŠŽ pealkiri  ', body: 'Üks\r\n\r\nKaks' });
    expect(result.ok && result.data).toMatchObject({ title: 'Õige ŠŽ pealkiri', body: 'Üks\n\nKaks' });
  });
});

describe('messages', () => {
  it('has an Estonian and English text for every message key the schemas use', async () => {
    const { en, et } = await import('@/lib/i18n/catalogue');
    const { messageByKey } = await import('@/lib/i18n');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const keys = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
          for (const match of fs.readFileSync(file, 'utf8').matchAll(/'(errors\.[A-Za-z]+)'/g)) keys.add(match[1]!);
        }
      }
    };
    walk(import.meta.dirname);
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys) {
      expect(messageByKey(et, key), key).not.toBe(key);
      expect(messageByKey(en, key), key).not.toBe(key);
    }
  });
});
