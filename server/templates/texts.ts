import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { templateTexts } from '@/db/schema';
import { textSpecOf } from '@/templates/texts';
import { checkTexts, initialTexts, type BlockSources, type DocumentTexts } from '@/templates/shared/texts';
import { isTemplateId } from '@/templates/registry';
import type { Queryable } from '@/server/tx';

// Which version of a template's texts is in force at a moment, and its parsed blocks.
//
// Per process, two caches:
// - the parsed texts of each published version, kept for good: a published version never
//   changes (the database refuses it), so nothing ever makes an entry stale;
// - each template's list of published versions with their effective dates, so choosing the
//   version for a moment needs no query. A publish on this instance clears it at once
//   (invalidateTextsInForce); other instances reread it after TEXTS_CACHE_TTL_MS, and
//   issuing, which must never print a superseded text, asks the database inside its own
//   transaction instead (`versionInForce`).

type Schedule = { loadedAt: number; versions: { version: number; effectiveFrom: Date }[] };

const parsed = new Map<string, DocumentTexts>();
const schedules = new Map<string, Schedule>();
const ttl = () => Number(process.env.TEXTS_CACHE_TTL_MS ?? process.env.REFERENCE_CACHE_TTL_MS ?? 10_000);

export function invalidateTextsInForce(templateId?: string): void {
  if (templateId) schedules.delete(templateId);
  else schedules.clear();
}

function spec(templateId: string) {
  const found = textSpecOf(templateId);
  if (!found) throw new Error(`No texts for template ${templateId}`);
  return found;
}

/** The parsed texts of a published version (version 1: the wording in code). */
export async function textsOfVersion(db: Queryable, templateId: string, version: number): Promise<DocumentTexts> {
  if (version === 1) return initialTexts(spec(templateId));
  const key = `${templateId}@${version}`;
  const cached = parsed.get(key);
  if (cached) return cached;
  const [row] = await db
    .select({ blocks: templateTexts.blocks })
    .from(templateTexts)
    .where(and(eq(templateTexts.templateId, templateId), eq(templateTexts.version, version), eq(templateTexts.status, 'published')));
  if (!row) throw new Error(`Template ${templateId} has no published version ${version}`);
  const checked = checkTexts(spec(templateId), row.blocks as BlockSources, version);
  // A published version passed these checks when it was submitted; a failure here means the
  // rules became stricter since, and the version still prints as it was approved.
  const texts = checked.ok ? checked.texts : lenient(templateId, row.blocks as BlockSources, version);
  parsed.set(key, texts);
  return texts;
}

function lenient(templateId: string, sources: BlockSources, version: number): DocumentTexts {
  const base = initialTexts(spec(templateId));
  const blocks = { ...base.blocks };
  for (const key of Object.keys(base.blocks)) {
    const one = checkTexts({ ...spec(templateId), blocks: spec(templateId).blocks.filter((b) => b.key === key) }, { [key]: sources[key]! }, version);
    if (one.ok) blocks[key] = one.texts.blocks[key]!;
  }
  return { version, blocks };
}

/** The version in force at `at`, asked of the database (issuing, inside its transaction). */
export async function versionInForce(db: Queryable, templateId: string, at: Date): Promise<number> {
  const [row] = await db
    .select({ version: templateTexts.version })
    .from(templateTexts)
    .where(and(eq(templateTexts.templateId, templateId), eq(templateTexts.status, 'published'), lte(templateTexts.effectiveFrom, at)))
    .orderBy(desc(templateTexts.effectiveFrom), desc(templateTexts.version))
    .limit(1);
  return row?.version ?? 1;
}

/** The texts in force at `at`, from the database in the caller's transaction (issuing). */
export async function textsForIssue(tx: Queryable, templateId: string, at: Date): Promise<DocumentTexts> {
  return textsOfVersion(tx, templateId, await versionInForce(tx, templateId, at));
}

/** Rereads, in one query, the schedules of those of `ids` that this process has not read lately. */
async function freshSchedules(db: Queryable, ids: readonly string[]): Promise<void> {
  const stale = ids.filter((id) => {
    const schedule = schedules.get(id);
    return !schedule || Date.now() - schedule.loadedAt > ttl();
  });
  if (stale.length === 0) return;
  const loadedAt = Date.now();
  const rows = await db
    .select({ templateId: templateTexts.templateId, version: templateTexts.version, effectiveFrom: templateTexts.effectiveFrom })
    .from(templateTexts)
    .where(and(inArray(templateTexts.templateId, stale), eq(templateTexts.status, 'published')))
    .orderBy(desc(templateTexts.effectiveFrom), desc(templateTexts.version));
  for (const id of stale) {
    const versions = rows.filter((r) => r.templateId === id).map((r) => ({ version: r.version!, effectiveFrom: r.effectiveFrom! }));
    schedules.set(id, { loadedAt, versions });
  }
}

/**
 * The texts in force at `at` of each of `ids`, from this process's cache (previews, pages,
 * notifications): at most one query when a schedule is older than TEXTS_CACHE_TTL_MS, and
 * one per published version the process has not parsed yet.
 */
export async function textsInForceOf(db: Queryable, ids: readonly string[], at: Date = new Date()): Promise<DocumentTexts[]> {
  await freshSchedules(db, ids);
  const out: DocumentTexts[] = [];
  for (const id of ids) {
    const version = schedules.get(id)!.versions.find((v) => v.effectiveFrom.getTime() <= at.getTime())?.version ?? 1;
    out.push(await textsOfVersion(db, id, version));
  }
  return out;
}

/** The texts in force at `at`, from this process's cache (previews, pages). */
export async function textsInForce(db: Queryable, templateId: string, at: Date = new Date()): Promise<DocumentTexts> {
  const [texts] = await textsInForceOf(db, [templateId], at);
  return texts!;
}

/** The texts in force now for a preview (an unknown template: none, the caller refuses it). */
export async function previewTexts(templateId: string): Promise<DocumentTexts | undefined> {
  if (!isTemplateId(templateId)) return undefined;
  return textsInForce(await getDb(), templateId);
}
