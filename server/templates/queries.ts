import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { staff, templateTexts } from '@/db/schema';
import { authorize, type Actor } from '@/server/auth/policy';
import { renderSample } from '@/server/pdf/render';
import { getSeal } from '@/server/pdf/seal';
import { getTemplate, isTemplateId, TEMPLATES } from '@/templates/registry';
import { checkTexts, initialSources, type BlockSources } from '@/templates/shared/texts';
import { getNoticeTextSet, NOTICE_TEXT_SETS } from '@/templates/notices/texts';
import { TEXT_SPECS, textSpecOf } from '@/templates/texts';
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

// ---- The template texts' versions (/admin/mallid, /admin/mallid/<id>/tekstid) ----

type TextVersionRow = {
  id: string;
  templateId: string;
  version: number | null;
  status: 'draft' | 'submitted' | 'published';
  blocks: BlockSources;
  basedOn: number;
  authorId: string;
  authorName: string;
  publisherName: string | null;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  effectiveFrom: Date | null;
};

async function textRows(templateId?: string): Promise<TextVersionRow[]> {
  const db = await getDb();
  const author = alias(staff, 'author');
  const publisher = alias(staff, 'publisher');
  const rows = await db
    .select({
      id: templateTexts.id,
      templateId: templateTexts.templateId,
      version: templateTexts.version,
      status: templateTexts.status,
      blocks: templateTexts.blocks,
      basedOn: templateTexts.basedOn,
      authorId: templateTexts.authorId,
      authorName: sql<string>`${author.givenName} || ' ' || ${author.familyName}`,
      publisherName: sql<string | null>`${publisher.givenName} || ' ' || ${publisher.familyName}`,
      updatedAt: templateTexts.updatedAt,
      submittedAt: templateTexts.submittedAt,
      publishedAt: templateTexts.publishedAt,
      effectiveFrom: templateTexts.effectiveFrom,
    })
    .from(templateTexts)
    .innerJoin(author, eq(author.id, templateTexts.authorId))
    .leftJoin(publisher, eq(publisher.id, templateTexts.publishedBy))
    .where(templateId ? eq(templateTexts.templateId, templateId) : undefined)
    .orderBy(desc(templateTexts.version));
  return rows.map((r) => ({ ...r, blocks: r.blocks as BlockSources }));
}

export type TemplateTextsSummary = {
  inForce: number;
  inForceFrom: Date | null;
  scheduled: { version: number; from: Date }[];
  draft: { status: 'draft' | 'submitted'; authorName: string; at: Date } | null;
  history: { version: number; authorName: string; publisherName: string; publishedAt: Date; effectiveFrom: Date }[];
};

function summarise(rows: TextVersionRow[], now: Date): TemplateTextsSummary {
  const published = rows
    .filter((r) => r.status === 'published')
    .sort((a, b) => b.effectiveFrom!.getTime() - a.effectiveFrom!.getTime() || b.version! - a.version!);
  const current = published.find((r) => r.effectiveFrom!.getTime() <= now.getTime());
  const open = rows.find((r) => r.status !== 'published');
  return {
    inForce: current?.version ?? 1,
    inForceFrom: current?.effectiveFrom ?? null,
    scheduled: published.filter((r) => r.effectiveFrom!.getTime() > now.getTime()).map((r) => ({ version: r.version!, from: r.effectiveFrom! })),
    draft: open ? { status: open.status as 'draft' | 'submitted', authorName: open.authorName, at: open.submittedAt ?? open.updatedAt } : null,
    history: published
      .sort((a, b) => b.version! - a.version!)
      .map((r) => ({
        version: r.version!,
        authorName: r.authorName,
        publisherName: r.publisherName ?? '',
        publishedAt: r.publishedAt!,
        effectiveFrom: r.effectiveFrom!,
      })),
  };
}

/** Per template and per set of notice texts: the version in force, any scheduled one, the open draft and the history. */
export async function templateTextsOverview(actor: Actor, now = new Date()): Promise<Record<string, TemplateTextsSummary>> {
  authorize(actor, 'templates.read');
  const rows = await textRows();
  const ids = [...TEMPLATES.map(({ meta }) => meta.id), ...NOTICE_TEXT_SETS.map((set) => set.id)];
  return Object.fromEntries(
    ids.map((id) => [
      id,
      summarise(
        rows.filter((r) => r.templateId === id),
        now,
      ),
    ]),
  );
}

export type NoticeTextSetItem = { id: string; title: TemplateMeta['title']; description: TemplateMeta['title'] };

/** The sets of notification texts (templates/notices/texts.ts), for the templates page. */
export function listNoticeTextSets(actor: Actor): NoticeTextSetItem[] {
  authorize(actor, 'templates.read');
  return NOTICE_TEXT_SETS.map((set) => ({ id: set.id, title: set.title, description: set.description }));
}

export type TemplateTextsDetail = TemplateTextsSummary & {
  templateId: string;
  /** A document template's texts print in a PDF; a notice set's go to the bell and the e-mail. */
  kind: 'document' | 'notice';
  title: TemplateMeta['title'];
  languages: readonly Language[];
  blocks: { key: string; label: TemplateMeta['title']; kind: string; required: readonly string[]; placeholders: readonly string[] | null }[];
  placeholders: { name: string; sample: string }[];
  /** Each placeholder's value in the sample, per language (the review's preview). */
  sampleValues: Record<Language, Record<string, string>>;
  /** The sources of the version in force (the draft is compared with these). */
  current: BlockSources;
  currentVersion: number;
  draft: (TemplateTextsSummary['draft'] & { id: string; authorId: string; blocks: BlockSources; basedOn: number; updatedAt: Date }) | null;
};

/** What the detail page needs of a document template or of a set of notice texts. */
function textSetOf(id: string) {
  const spec = textSpecOf(id);
  if (!spec) return null;
  const template = getTemplate(id);
  if (template) {
    const sample = template.schema.parse(template.sample) as never;
    return { kind: 'document' as const, spec, title: template.meta.title, languages: template.meta.languages, sample };
  }
  const set = getNoticeTextSet(id)!;
  return { kind: 'notice' as const, spec, title: set.title, languages: ['et', 'en'] as const, sample: set.samples as never };
}

export async function templateTextsDetail(actor: Actor, templateId: string, now = new Date()): Promise<TemplateTextsDetail | null> {
  authorize(actor, 'templates.read');
  const set = textSetOf(templateId);
  if (!set) return null;
  const { spec, sample } = set;
  const rows = await textRows(templateId);
  const summary = summarise(rows, now);
  const currentRow = rows.find((r) => r.status === 'published' && r.version === summary.inForce);
  const open = rows.find((r) => r.status !== 'published');
  const valuesIn = (language: Language) => Object.fromEntries(Object.entries(spec.placeholders).map(([name, p]) => [name, p.value(sample, language)]));
  return {
    ...summary,
    templateId,
    kind: set.kind,
    title: set.title,
    languages: set.languages,
    blocks: spec.blocks.map((b) => ({ key: b.key, label: b.label, kind: b.kind, required: b.required ?? [], placeholders: b.placeholders ?? null })),
    placeholders: Object.entries(spec.placeholders).map(([name, p]) => ({ name, sample: p.value(sample, 'et') })),
    sampleValues: { et: valuesIn('et'), en: valuesIn('en') },
    current: currentRow ? currentRow.blocks : initialSources(spec),
    currentVersion: summary.inForce,
    draft:
      open && summary.draft
        ? { ...summary.draft, id: open.id, authorId: open.authorId, blocks: open.blocks, basedOn: open.basedOn, updatedAt: open.updatedAt }
        : null,
  };
}

/** The template's sample rendered with its open draft's texts (marked NÄIDIS), or null. */
export async function renderDraftSample(actor: Actor, templateId: string, language?: string): Promise<{ bytes: Uint8Array; filename: string } | null> {
  authorize(actor, 'templates.read');
  if (!isTemplateId(templateId)) return null;
  const template = getTemplate(templateId)!;
  const lang = (language ?? template.meta.languages[0]) as Language;
  if (!template.meta.languages.includes(lang)) return null;
  const open = (await textRows(templateId)).find((r) => r.status !== 'published');
  if (!open) return null;
  const spec = TEXT_SPECS[templateId];
  // Blocks not written yet print as in version 1, so a half-written draft can be looked at.
  const sources = { ...initialSources(spec) };
  for (const [key, value] of Object.entries(open.blocks)) {
    sources[key] = { et: value.et.trim() ? value.et : sources[key]!.et, en: value.en.trim() ? value.en : sources[key]!.en };
  }
  const checked = checkTexts(spec, sources, 0);
  if (!checked.ok) return null;
  const bytes = await renderSample(templateId, lang, checked.texts);
  return { bytes, filename: `${templateId}-mustand-${lang}-naidis.pdf` };
}
