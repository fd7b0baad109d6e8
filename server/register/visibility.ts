import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/server/tx';
import { documents } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { authorize, can } from '@/server/auth/policy';
import { heldForNow } from '@/server/org/held-for-now';
import { heldFor } from '@/server/org/substitution';

export type RegisterActor = {
  id: string;
  personalCode: string;
  roles: readonly Role[];
  unitCode: string;
  /** Absent people whose work this person holds today (see `withHeldWork`). */
  heldFor?: readonly string[];
};

const seesEverything = (actor: RegisterActor) => can(actor, 'register.read_restricted');

// Restricted documents (AvTS § 35) are visible only to their unit, their assignee (or whoever
// substitutes the assignee today), managers and administrators. The condition goes into every
// query's WHERE clause, so a document the actor may not see is simply not found.
export function visibleDocuments(actor: RegisterActor): SQL | undefined {
  authorize(actor, 'register.read');
  if (seesEverything(actor)) return undefined;
  const held = actor.heldFor?.length ? [inArray(documents.assigneeId, [...actor.heldFor])] : [];
  return or(eq(documents.isRestricted, false), eq(documents.unitCode, actor.unitCode), eq(documents.assigneeId, actor.id), ...held);
}

/**
 * What the front desk does with a document it registered into another department (adding
 * scans, registering what the client brings into the matter, seeing the title, party, status,
 * deadline and what is missing), besides everyone who may open its contents. Files, history
 * details and issued PDFs stay with `visibleDocuments`.
 */
export function frontDeskDocuments(actor: RegisterActor): SQL | undefined {
  const contents = visibleDocuments(actor);
  return contents && or(contents, eq(documents.createdBy, actor.id));
}

/** `visibleDocuments` as a column: whether the actor may open the row's contents. */
export function contentsVisibleColumn(actor: RegisterActor): SQL<boolean> {
  const contents = visibleDocuments(actor);
  return contents ? sql<boolean>`coalesce(${contents}, false)` : sql<boolean>`true`;
}

/** `frontDeskDocuments` as a column. */
export function frontDeskColumn(actor: RegisterActor): SQL<boolean> {
  const desk = frontDeskDocuments(actor);
  return desk ? sql<boolean>`coalesce(${desk}, false)` : sql<boolean>`true`;
}

export function canSeeDocument(actor: RegisterActor, doc: { isRestricted: boolean; unitCode: string; assigneeId: string | null }): boolean {
  if (seesEverything(actor)) return true;
  if (!doc.isRestricted || doc.unitCode === actor.unitCode) return true;
  return doc.assigneeId !== null && (doc.assigneeId === actor.id || !!actor.heldFor?.includes(doc.assigneeId));
}

/**
 * The actor together with the absent people whose work they hold today, so a substitute from
 * another unit sees the absent person's restricted documents while the absence lasts (and no
 * longer). Managers and administrators see every document anyway: no query for them.
 */
export async function withHeldWork<A extends RegisterActor>(db: Queryable, actor: A): Promise<A> {
  if (seesEverything(actor) || actor.heldFor) return actor;
  return { ...actor, heldFor: await heldFor(db, actor.id) };
}

/**
 * `withHeldWork` for reads within a request: today's held work is looked up once per request
 * (`heldForNow`, which the portal layout has already used for its "substituting for" line).
 */
export async function withHeldWorkNow<A extends RegisterActor>(actor: A): Promise<A> {
  if (seesEverything(actor) || actor.heldFor) return actor;
  return { ...actor, heldFor: await heldForNow(actor.id) };
}
