import { eq, or, type SQL } from 'drizzle-orm';
import { documents } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { authorize } from '@/server/auth/policy';

export type RegisterActor = { id: string; personalCode: string; roles: readonly Role[]; unitCode: string };

// Restricted documents (AvTS § 35) are visible only to their unit, their assignee, managers
// and administrators. The condition goes into every query's WHERE clause, so a document
// the actor may not see is simply not found.
export function visibleDocuments(actor: RegisterActor): SQL | undefined {
  authorize(actor, 'register.read');
  if (actor.roles.includes('manager') || actor.roles.includes('admin')) return undefined;
  return or(eq(documents.isRestricted, false), eq(documents.unitCode, actor.unitCode), eq(documents.assigneeId, actor.id));
}

export function canSeeDocument(actor: RegisterActor, doc: { isRestricted: boolean; unitCode: string; assigneeId: string | null }): boolean {
  if (actor.roles.includes('manager') || actor.roles.includes('admin')) return true;
  return !doc.isRestricted || doc.unitCode === actor.unitCode || doc.assigneeId === actor.id;
}
