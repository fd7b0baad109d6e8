import { z } from 'zod';

// The forms of the template texts' pages (/admin/mallid/<id>/tekstid): checked again by the
// domain functions, which also check the Markdown and placeholders (templates/shared/texts.ts).

const localized = z.object({ et: z.string().max(20_000).default(''), en: z.string().max(20_000).default('') });

export const saveTextsSchema = z.object({
  templateId: z.string().min(1).max(100),
  blocks: z.record(z.string().max(100), localized),
});
export type SaveTextsInput = z.input<typeof saveTextsSchema>;

export const draftActionSchema = z.object({ templateId: z.string().min(1).max(100) });

export const publishTextsSchema = z.object({
  templateId: z.string().min(1).max(100),
  draftId: z.uuid('errors.required'),
  /** `yyyy-mm-dd` (Tallinn) from which the version is in force; empty for at once. */
  effectiveFrom: z.union([z.literal(''), z.iso.date('errors.date')]).default(''),
});
export type PublishTextsInput = z.input<typeof publishTextsSchema>;
