// The register's shared write steps: the document locked for a change, its event and audit
// rows (one at a time or sent together), the deadline rule of a type, and a document as a
// notice names it. Each use case in this folder builds on these.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { clients, documentEvents, documents, documentTypes, staff, units } from '@/db/schema';
import { fill, type Messages } from '@/lib/i18n';
import { appendAudit, appendStatement, type AuditEntry } from '@/server/audit/record';
import { RecordRefused } from '@/server/audit/refusal';
import type { DeadlineRule } from '@/server/calendar/working-days';
import { DomainError } from '@/server/errors';
import type { RequestContext } from '@/server/observability/context';
import type { Tx } from '@/server/tx';
import { frontDeskDocuments, visibleDocuments, withHeldWork, type RegisterActor } from './visibility';

export const eventInsert = (
  tx: Tx,
  documentId: string,
  actor: RegisterActor,
  kind: string,
  details: Record<string, unknown> | null = null,
  note: string | null = null,
) => tx.insert(documentEvents).values({ documentId, actorId: actor.id, kind, details, note: note || null });

export async function addEvent(...args: Parameters<typeof eventInsert>) {
  await eventInsert(...args);
}

/**
 * Writes that need nothing back, sent as one statement (data-modifying CTEs, then the audit
 * append as its main query): one round trip instead of one each.
 * The CTEs run on one snapshot and foreign keys are checked at the statement's end, so a
 * row and the rows that refer to it may go together.
 */
export async function writeTogether(tx: Tx, writes: { getSQL(): SQL }[], audit: AuditEntry) {
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await tx.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${appendStatement(audit)}` : appendStatement(audit));
}

export const ruleOf = (t: { deadlineKind: 'none' | 'calendar_days' | 'working_days'; deadlineDays: number | null }): DeadlineRule =>
  t.deadlineKind === 'none' || !t.deadlineDays ? { kind: 'none' } : { kind: t.deadlineKind, days: t.deadlineDays };

// A document sent to us that belongs to another authority is forwarded within 5 working
// days, and the sender is told (MSVS § 6 lg 2; the same practice for other letters).
export const OTHER_AUTHORITY_RULE: DeadlineRule = { kind: 'working_days', days: 5 };

export const auditEntry = (
  actor: RegisterActor,
  role: string,
  action: string,
  doc: { id: string; clientCode?: string | null },
  ctx: RequestContext,
  details?: Record<string, unknown>,
): AuditEntry => ({
  actorCode: actor.personalCode,
  actorRole: role,
  action,
  entityType: 'document',
  entityId: doc.id,
  subjectCode: doc.clientCode ?? null,
  requestId: ctx.requestId,
  details: details ?? null,
});

export async function auditChange(tx: Tx, ...args: Parameters<typeof auditEntry>) {
  await appendAudit(tx, auditEntry(...args));
}

/**
 * The document, locked for this transaction; not found when the actor may not open its
 * contents (`frontDesk`: or registered it, for what the front desk does with it).
 */
export async function lockDocument(tx: Tx, actor: RegisterActor, documentId: string, scope: 'contents' | 'frontDesk' = 'contents') {
  const holder = await withHeldWork(tx, actor);
  const [row] = await tx
    .select({ doc: documents, clientCode: clients.personalCode })
    .from(documents)
    .leftJoin(clients, eq(clients.id, documents.clientId))
    .where(and(eq(documents.id, documentId), scope === 'frontDesk' ? frontDeskDocuments(holder) : visibleDocuments(holder)))
    .for('update', { of: documents });
  if (!row) {
    // Another unit's restricted document answers as a missing one; runAction audits the attempt.
    const [hidden] = await tx
      .select({ clientCode: clients.personalCode })
      .from(documents)
      .leftJoin(clients, eq(clients.id, documents.clientId))
      .where(eq(documents.id, documentId));
    if (hidden) throw new RecordRefused({ entityType: 'document', entityId: documentId, subjectCode: hidden.clientCode, reason: 'out_of_scope' });
    throw new DomainError('errors.notFound');
  }
  return { ...row.doc, clientCode: row.clientCode };
}

/** The department a document goes to exists, and so does its assignee (when one is named) among active staff. */
export async function assertUnitAndAssignee(tx: Tx, unitCode: string, assigneeId: string | null | undefined) {
  const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, unitCode));
  if (!unit) throw new DomainError('errors.unknownReference', 'unitCode');
  if (assigneeId) {
    const [person] = await tx
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.id, assigneeId), eq(staff.isActive, true)));
    if (!person) throw new DomainError('errors.unknownReference', 'assigneeId');
  }
}

export async function typeOf(tx: Tx, code: string) {
  const [type] = await tx.select().from(documentTypes).where(eq(documentTypes.code, code));
  return type!;
}

/** A document as a notice names it: its title only when no access restriction covers it (the e-mail leaves the portal). */
export function documentNamed(m: Messages, doc: { number: string; title: string; isRestricted: boolean }, how: '' | 'Forwarded' = ''): string {
  const h = m.notifications.handover;
  const key = `document${how}${doc.isRestricted ? 'Restricted' : ''}` as
    'document' | 'documentRestricted' | 'documentForwarded' | 'documentForwardedRestricted';
  return fill(h[key], { number: doc.number, title: doc.title });
}
