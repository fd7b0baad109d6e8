import type { z } from 'zod';
import * as benefitCertificate from './benefit-certificate/definition';
import * as certifiedCopy from './certified-copy/definition';
import * as insuranceRegisterNotice from './insurance-register-notice/definition';
import * as missingDocumentsNotice from './missing-documents-notice/definition';
import * as receiptConfirmation from './receipt-confirmation/definition';
import * as replyLetter from './reply-letter/definition';
import type { Language, TemplateMeta } from './shared/types';

// Every template the portal can issue: metadata, the zod schema of its fields and sample
// data. Nothing here imports @react-pdf/renderer, so pages and server actions can use it
// without loading the PDF engine; the components are in documents.tsx, used by the render
// worker only.
// It is also all that components may import from templates/ (docs/architecture.md), so what
// a form needs from a template is re-exported here.
export { BENEFIT_KINDS } from './shared/benefits';
export type { BulkProblem, BulkProgress, BulkRowError } from './shared/bulk-types';
export type { Localized } from './shared/types';
export type { Inline, TextBlock, TextProblem } from './shared/texts';

export type TemplateDefinition = {
  meta: TemplateMeta;
  schema: z.ZodType;
  /** Sample data in the template's first language … */
  sample: unknown;
  /** … and, where the wording of the data differs, in its other languages. */
  samples?: Partial<Record<Language, unknown>>;
};

const definitions = [
  benefitCertificate,
  insuranceRegisterNotice,
  missingDocumentsNotice,
  replyLetter,
  certifiedCopy,
  receiptConfirmation,
] as const satisfies readonly TemplateDefinition[];

export type TemplateId = (typeof definitions)[number]['meta']['id'];
export const TEMPLATES: readonly TemplateDefinition[] = definitions;
export const TEMPLATE_IDS = definitions.map((d) => d.meta.id) as TemplateId[];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as string[]).includes(value);
}

export function getTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((t) => t.meta.id === id);
}

export type TemplateValidation = { ok: true; data: unknown } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Checks a template's data with its schema. Field errors are keyed by the dotted path the
 * form uses (`client.personalCode`, `rows.2.periodEnd`) and carry catalogue keys
 * (`errors.personalCode`); the first problem of each field wins.
 */
export function validateTemplateData(id: string, input: unknown): TemplateValidation {
  const template = getTemplate(id);
  if (!template) return { ok: false, fieldErrors: { templateId: 'errors.notFound' } };
  const parsed = template.schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_form';
    fieldErrors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.required';
  }
  return { ok: false, fieldErrors };
}
