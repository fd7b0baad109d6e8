import { getTemplate, validateTemplateData, type TemplateId } from '@/templates/registry';
import type { DocumentTexts } from '@/templates/shared/texts';
import { registrationSchema, type Language, type Registration, type RegistrationInput } from '@/templates/shared/types';
import { DomainError } from '@/server/errors';
import { RenderPool, type WorkerStats } from './render-pool';

// renderDocument: template + data + registration → PDF bytes, rendered in the worker.

/** The template's data failed its schema; `fieldErrors` maps dotted field paths to catalogue keys. */
export class TemplateDataError extends DomainError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('errors.fixFields');
  }
}

export type RenderOptions = {
  /** Printed across every page; defaults to `EELVAADE` when there is no registration yet. */
  watermark?: string | null;
  /** The PDF will be e-sealed afterwards: the signature block says so. Default false. */
  sealed?: boolean;
  /** The template's texts to print (the version in force); version 1, the wording in code, when absent. */
  texts?: DocumentTexts;
};

const positiveInt = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

// One pool per process (Next may load this module in several bundles; the pool is shared
// through globalThis so there is only ever one worker generation).
const globalKey = Symbol.for('toolaud.pdf.renderPool');
type GlobalWithPool = typeof globalThis & { [globalKey]?: RenderPool };

export function getRenderPool(): RenderPool {
  const g = globalThis as GlobalWithPool;
  g[globalKey] ??= new RenderPool({
    root: process.env.TOOLAUD_ROOT ?? process.cwd(),
    // The heap stays flat over 6,000 renders in one worker (BENCHMARKS.md): replacement is a
    // safety net for leaks outside the heap, and each one costs a start-up and some RSS.
    maxRenders: positiveInt(process.env.PDF_WORKER_MAX_RENDERS, 5000),
    renderTimeoutMs: positiveInt(process.env.PDF_RENDER_TIMEOUT_MS, 30_000),
    warmup: process.env.PDF_WORKER_WARMUP !== '0',
  });
  return g[globalKey];
}

/** Replaces the process-wide pool (tests and the benchmark use their own settings). */
export async function setRenderPool(pool: RenderPool | undefined): Promise<void> {
  const g = globalThis as GlobalWithPool;
  if (g[globalKey] && g[globalKey] !== pool) await g[globalKey].close();
  if (pool) g[globalKey] = pool;
  else delete g[globalKey];
}

/** Checks a template's data; throws TemplateDataError with field-level message keys. */
export function parseTemplateData(templateId: string, data: unknown): { templateId: TemplateId; data: unknown } {
  if (!getTemplate(templateId)) throw new DomainError('errors.notFound', 'templateId');
  const result = validateTemplateData(templateId, data);
  if (!result.ok) throw new TemplateDataError(result.fieldErrors);
  return { templateId: templateId as TemplateId, data: result.data };
}

/**
 * Renders a template to PDF bytes. `data` is checked with the template's schema (again:
 * never trust that the caller did); `registration` is what the register assigned, or null
 * for a preview (then the number reads "registreeritakse väljastamisel" and the pages say
 * EELVAADE). Throws TemplateDataError for invalid data.
 */
export async function renderDocument(
  templateId: string,
  data: unknown,
  registration: RegistrationInput | null,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const parsed = parseTemplateData(templateId, data);
  const reg: Registration | null = registration ? registrationSchema.parse(registration) : null;
  const watermark = options.watermark === undefined ? (reg ? null : 'EELVAADE') : options.watermark;
  return getRenderPool().render(parsed.templateId, parsed.data, {
    registration: reg,
    watermark,
    sealed: options.sealed ?? false,
    ...(options.texts ? { texts: options.texts } : {}),
  });
}

/** What a template's sample looks like, for the templates page: a sample number and NÄIDIS across it. */
export const SAMPLE_REGISTRATION: RegistrationInput = {
  registrationNumber: '2-1/1534-1',
  registeredAt: '2026-11-20T09:30:00+02:00',
  verificationCode: 'K7QF3M9XTRF',
  verificationUrl: null,
};

/** The template's sample data, in one of its languages, with a sample number and NÄIDIS across it. */
export async function renderSample(templateId: string, language?: Language, texts?: DocumentTexts): Promise<Uint8Array> {
  const template = getTemplate(templateId);
  if (!template) throw new DomainError('errors.notFound', 'templateId');
  const sample = structuredClone((language && template.samples?.[language]) ?? template.sample) as Record<string, unknown>;
  if (language && 'language' in sample) sample.language = language;
  return renderDocument(templateId, sample, SAMPLE_REGISTRATION, { watermark: 'NÄIDIS', sealed: false, ...(texts ? { texts } : {}) });
}

export type { WorkerStats };
