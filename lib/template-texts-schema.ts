import { z } from 'zod';
import { seenVersion } from './record-version';

// The forms of the template texts' pages (/admin/mallid/<id>/tekstid): checked again by the
// domain functions, which also check the Markdown and placeholders (templates/shared/texts.ts).

const localized = z.object({ et: z.string().max(20_000).default(''), en: z.string().max(20_000).default('') });

export const saveTextsSchema = z.object({
  templateId: z.string().min(1).max(100),
  blocks: z.record(z.string().max(100), localized),
});
export type SaveTextsInput = z.input<typeof saveTextsSchema>;

export const draftActionSchema = z.object({ templateId: z.string().min(1).max(100) });

// A decision on a submitted draft (publish, send back, take back) is of the draft as the page
// showed it: `version` is versionOf({ updatedAt }) of the draft (lib/record-version.ts), not a
// published version's number.
export const returnTextsSchema = draftActionSchema.extend({ version: seenVersion });
export type ReturnTextsInput = z.input<typeof returnTextsSchema>;

export const publishTextsSchema = z.object({
  templateId: z.string().min(1).max(100),
  draftId: z.uuid('errors.required'),
  version: seenVersion,
  /** `yyyy-mm-dd` (Tallinn) from which the version is in force; empty for at once. */
  effectiveFrom: z.union([z.literal(''), z.iso.date('errors.date')]).default(''),
});
export type PublishTextsInput = z.input<typeof publishTextsSchema>;
