import { authorize, type Actor } from '@/server/auth/policy';
import { renderSample } from '@/server/pdf/render';
import { getSeal } from '@/server/pdf/seal';
import { getTemplate, TEMPLATES } from '@/templates/registry';
import type { Language, TemplateMeta } from '@/templates/shared/types';

// The templates page: what can be issued, and a sample of each. Template samples hold no
// client's data, so reading them is not audited.

export type TemplateListItem = Pick<TemplateMeta, 'id' | 'version' | 'title' | 'description' | 'documentType' | 'languages' | 'history'>;

export function listTemplates(actor: Actor): TemplateListItem[] {
  authorize(actor, 'templates.read');
  return TEMPLATES.map(({ meta }) => ({
    id: meta.id,
    version: meta.version,
    title: meta.title,
    description: meta.description,
    documentType: meta.documentType,
    languages: meta.languages,
    history: meta.history,
  }));
}

/** The template's sample data rendered as a PDF (marked NÄIDIS), or null for an unknown template or language. */
export async function renderTemplateSample(actor: Actor, templateId: string, language?: string): Promise<{ bytes: Uint8Array; filename: string } | null> {
  authorize(actor, 'templates.read');
  const template = getTemplate(templateId);
  if (!template) return null;
  const lang = (language ?? template.meta.languages[0]) as Language;
  if (!template.meta.languages.includes(lang)) return null;
  const bytes = await renderSample(templateId, lang);
  return { bytes, filename: `${template.meta.id}-v${template.meta.version}-${lang}-naidis.pdf` };
}

export type SealStatus = { kind: 'none' } | { kind: 'configured' | 'development'; subject: string; validTo: Date } | { kind: 'broken'; problem: string };

/** Which seal issued documents get, for the administrator to see before anything is issued. */
export function sealStatus(actor: Actor): SealStatus {
  authorize(actor, 'templates.read');
  try {
    const seal = getSeal();
    if (!seal) return { kind: 'none' };
    return { kind: seal.source, subject: seal.certificate.subject.replace(/\n/g, ', '), validTo: new Date(seal.certificate.validTo) };
  } catch (error) {
    return { kind: 'broken', problem: (error as Error).message };
  }
}
