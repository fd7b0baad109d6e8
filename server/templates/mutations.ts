import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { templateTexts } from '@/db/schema';
import { instantToTallinnLocal, tallinnLocalToInstant } from '@/lib/tallinn-time';
import { publishTextsSchema, returnTextsSchema, type PublishTextsInput, type ReturnTextsInput, type SaveTextsInput } from '@/lib/template-texts-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, type Actor } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { assertUnchanged } from '@/server/record-version';
import { checkTexts, parseBlock, type BlockSources, type TextProblem } from '@/templates/shared/texts';
import { textSpecOf } from '@/templates/texts';
import { invalidateTextsInForce, versionInForce } from './texts';

// Writing, submitting, returning and publishing a version of a template's texts. The author
// never publishes their own version: refused here, and by the CHECK template_texts_four_eyes.
// Every step is audited in its own transaction.

type Ctx = { requestId: string; now?: Date };
export type SaveTextsResult = { saved: true; draftId: string } | { saved: false; problems: TextProblem[] };

function specOf(templateId: string) {
  const spec = textSpecOf(templateId);
  if (!spec) throw new DomainError('errors.notFound', 'templateId');
  return spec;
}

/** Keeps only the template's own blocks; a text that is written is checked, an empty one may wait. */
function checkDraft(templateId: string, blocks: SaveTextsInput['blocks']): { sources: BlockSources; problems: TextProblem[] } {
  const spec = specOf(templateId);
  const names = Object.keys(spec.placeholders);
  const sources: BlockSources = {};
  const problems: TextProblem[] = [];
  for (const block of spec.blocks) {
    const given = blocks[block.key] ?? { et: '', en: '' };
    sources[block.key] = { et: (given.et ?? '').replace(/\r\n?/g, '\n'), en: (given.en ?? '').replace(/\r\n?/g, '\n') };
    for (const language of ['et', 'en'] as const) {
      const source = sources[block.key]![language];
      if (source.trim() === '') continue;
      const result = parseBlock(source, block, names);
      if (!result.ok) problems.push(...result.problems.map((p) => ({ block: block.key, language, ...p })));
    }
  }
  return { sources, problems };
}

/** Saves the template's open draft (a new one from the version in force if there is none). */
export async function saveTextsDraft(actor: Actor, input: SaveTextsInput, ctx: Ctx): Promise<SaveTextsResult> {
  const role = authorize(actor, 'templates.edit');
  const { sources, problems } = checkDraft(input.templateId, input.blocks);
  if (problems.length) return { saved: false, problems };
  const db = await getDb();
  const draftId = await db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(templateTexts)
      .where(and(eq(templateTexts.templateId, input.templateId), ne(templateTexts.status, 'published')))
      .for('update');
    let id: string;
    if (open) {
      if (open.authorId !== actor.id) throw new DomainError('errors.templateDraftOfAnother');
      if (open.status !== 'draft') throw new DomainError('errors.templateDraftSubmitted');
      await tx
        .update(templateTexts)
        .set({ blocks: sources, updatedAt: sql`now()` })
        .where(eq(templateTexts.id, open.id));
      id = open.id;
    } else {
      const basedOn = await versionInForce(tx, input.templateId, ctx.now ?? new Date());
      const [row] = await tx
        .insert(templateTexts)
        .values({ templateId: input.templateId, blocks: sources, basedOn, authorId: actor.id })
        .returning({ id: templateTexts.id });
      id = row!.id;
    }
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'template_texts.save',
      entityType: 'template_texts',
      entityId: id,
      requestId: ctx.requestId,
      details: { template: input.templateId },
    });
    return id;
  });
  return { saved: true, draftId };
}

/** The author submits the draft for review: every block must be complete and valid in both languages. */
export async function submitTextsDraft(
  actor: Actor,
  templateId: string,
  ctx: Ctx,
): Promise<{ submitted: true } | { submitted: false; problems: TextProblem[] }> {
  const role = authorize(actor, 'templates.edit');
  const spec = specOf(templateId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(templateTexts)
      .where(and(eq(templateTexts.templateId, templateId), eq(templateTexts.status, 'draft')))
      .for('update');
    if (!open) throw new DomainError('errors.templateNoDraft');
    if (open.authorId !== actor.id) throw new DomainError('errors.templateDraftOfAnother');
    const checked = checkTexts(spec, open.blocks as BlockSources, 0);
    if (!checked.ok) return { submitted: false as const, problems: checked.problems };
    await tx
      .update(templateTexts)
      .set({ status: 'submitted', submittedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(templateTexts.id, open.id));
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'template_texts.submit',
      entityType: 'template_texts',
      entityId: open.id,
      requestId: ctx.requestId,
      details: { template: templateId },
    });
    return { submitted: true as const };
  });
}

/**
 * The reviewer sends a submitted draft back to its author (or the author takes it back to
 * edit), as the page showed it: one taken back, edited and submitted again meanwhile is
 * looked at again first.
 */
export async function returnTextsDraft(actor: Actor, input: ReturnTextsInput, ctx: Ctx): Promise<void> {
  const role = authorize(actor, 'templates.edit');
  const { templateId, version } = returnTextsSchema.parse(input);
  specOf(templateId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: templateTexts.id, authorId: templateTexts.authorId, updatedAt: templateTexts.updatedAt })
      .from(templateTexts)
      .where(and(eq(templateTexts.templateId, templateId), eq(templateTexts.status, 'submitted')))
      .for('update');
    if (!row) throw new DomainError('errors.templateNotSubmitted');
    assertUnchanged({ updatedAt: row.updatedAt }, version);
    await tx
      .update(templateTexts)
      .set({ status: 'draft', submittedAt: null, updatedAt: sql`now()` })
      .where(eq(templateTexts.id, row.id));
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'template_texts.return',
      entityType: 'template_texts',
      entityId: row.id,
      requestId: ctx.requestId,
      details: { template: templateId, byAuthor: row.authorId === actor.id },
    });
  });
}

/** The author drops their unsubmitted draft. */
export async function discardTextsDraft(actor: Actor, templateId: string, ctx: Ctx): Promise<void> {
  const role = authorize(actor, 'templates.edit');
  specOf(templateId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(templateTexts)
      .where(and(eq(templateTexts.templateId, templateId), eq(templateTexts.status, 'draft'), eq(templateTexts.authorId, actor.id)))
      .returning({ id: templateTexts.id });
    if (!row) throw new DomainError('errors.templateNoDraft');
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'template_texts.discard',
      entityType: 'template_texts',
      entityId: row.id,
      requestId: ctx.requestId,
      details: { template: templateId },
    });
  });
}

/**
 * Another administrator publishes a submitted draft as the template's next version, in force
 * at once or from the start of a chosen day (Tallinn). Of two publishes of the same draft
 * only one finds it still submitted; the version number is unique per template.
 */
export async function publishTexts(actor: Actor, raw: PublishTextsInput, ctx: Ctx): Promise<{ version: number; effectiveFrom: Date }> {
  const role = authorize(actor, 'templates.publish');
  const input = publishTextsSchema.parse(raw);
  specOf(input.templateId);
  const now = ctx.now ?? new Date();
  let effectiveFrom = now;
  if (input.effectiveFrom) {
    const today = instantToTallinnLocal(now).slice(0, 10);
    if (input.effectiveFrom < today) throw new DomainError('errors.pastDate', 'effectiveFrom');
    const start = tallinnLocalToInstant(`${input.effectiveFrom}T00:00`);
    if (!start) throw new DomainError('errors.date', 'effectiveFrom');
    if (start > now) effectiveFrom = start;
  }
  const db = await getDb();
  const published = await db.transaction(async (tx) => {
    const [draft] = await tx.select().from(templateTexts).where(eq(templateTexts.id, input.draftId)).for('update');
    if (!draft || draft.templateId !== input.templateId || draft.status !== 'submitted') throw new DomainError('errors.templateNotSubmitted');
    if (draft.authorId === actor.id) throw new DomainError('errors.templateOwnPublish');
    // The draft as the reviewer's page showed it (its `version` column is the published number).
    assertUnchanged({ updatedAt: draft.updatedAt }, input.version);
    const [row] = await tx
      .update(templateTexts)
      .set({
        status: 'published',
        version: sql`(select coalesce(max(t.version), 1) + 1 from ${templateTexts} t where t.template_id = ${input.templateId})`,
        publishedBy: actor.id,
        publishedAt: now,
        effectiveFrom,
        updatedAt: sql`now()`,
      })
      .where(and(eq(templateTexts.id, draft.id), eq(templateTexts.status, 'submitted')))
      .returning({ version: templateTexts.version });
    if (!row) throw new DomainError('errors.templateNotSubmitted');
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'template_texts.publish',
      entityType: 'template_texts',
      entityId: draft.id,
      requestId: ctx.requestId,
      details: { template: input.templateId, version: row.version, effectiveFrom: effectiveFrom.toISOString(), author: draft.authorId },
    });
    return { version: row.version!, effectiveFrom };
  });
  invalidateTextsInForce(input.templateId);
  return published;
}
