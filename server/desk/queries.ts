import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import {
  assessmentApplications,
  benefitPayments,
  documents,
  incidents,
  offices,
  outboxMessages,
  proposals,
  staff,
  tasks,
  type EmailPayload,
} from '@/db/schema';
import { formatEuros } from '@/lib/format';
import { OPEN_STATUSES as OPEN_INCIDENT_STATUSES, type IncidentCategory } from '@/lib/incident-schema';
import { OPEN_TASK_STATUSES } from '@/lib/task-schema';
import { applicationScope } from '@/server/assessments/mutations';
import { authorize, can } from '@/server/auth/policy';
import { daysBetween, tallinnDate } from '@/server/calendar/working-days';
import { heldForNow } from '@/server/org/held-for-now';
import { paymentScope } from '@/server/payments/scope';
import { answerScope } from '@/server/proposals/scope';
import { visibleDocuments } from '@/server/register/visibility';
import { holderScope, managerScope, type TaskActor } from '@/server/tasks/scope';

// "Minu töölaud": everything that waits for the signed-in person, in one list by deadline.
// Each source is read with its own record-level rule (the register's visibility, the task
// scopes, the incident reporter/assignee, the proposal's manager), so the list never shows
// what the person could not open.

export type DeskItem = {
  kind:
    | 'document'
    | 'task'
    | 'review'
    | 'incident'
    | 'incident_queue'
    | 'proposal'
    | 'forwarding'
    | 'payment_approval'
    | 'payment_return'
    | 'payment_batch'
    | 'outbox_dead';
  id: string;
  title: string;
  reference: string | null;
  href: string;
  dueDate: string | null;
  daysLeft: number | null;
  /** The absent person whose work this is, when the person holds it as a substitute. */
  substitutingFor: string | null;
  /** incident: reported by me or mine to resolve; review/proposal/payment_approval: from whom; forwarding: to which authority; payment_return: why; outbox_dead: the last error. */
  detail: string | null;
  incidentCategory?: IncidentCategory;
  /** incident, incident_queue: where it is (asset tag, office). */
  where?: string | null;
};

const holder = alias(staff, 'holder');
const absentee = alias(staff, 'absentee');
const author = alias(staff, 'author');
const personName = (t: typeof holder | typeof absentee | typeof author) => sql<string>`${t.givenName} || ' ' || ${t.familyName}`;

const LIMIT = 200;
const OPEN_DOCUMENTS = ['registered', 'in_progress', 'waiting_for_client'] as const;

export async function myDesk(actor: TaskActor): Promise<DeskItem[]> {
  authorize(actor, 'portal.use');
  const db = await getDb();
  const now = new Date();
  const today = tallinnDate(now);
  const held = await heldForNow(actor.id);
  const ids = [actor.id, ...held];
  const left = (due: string | null) => (due ? daysBetween('calendar_days', today, due) : null);
  // Whose work it is, when not the person's own: the absent holder, or the one it was meant for.
  const substituting = (assigneeId: string | null, assigneeName: string | null, forName: string | null) =>
    assigneeId && assigneeId !== actor.id ? assigneeName : forName;

  const approves = can(actor, 'payments.approve');
  const [docs, myTasks, reviews, tickets, proposalRows, forwardings, payments, dead] = await Promise.all([
    can(actor, 'register.read')
      ? db
          .select({
            id: documents.id,
            number: documents.number,
            title: documents.title,
            dueDate: documents.dueDate,
            assigneeId: documents.assigneeId,
            assigneeName: personName(holder),
            forName: personName(absentee),
          })
          .from(documents)
          .leftJoin(holder, eq(holder.id, documents.assigneeId))
          .leftJoin(absentee, eq(absentee.id, documents.substituteForId))
          .where(and(inArray(documents.assigneeId, ids), inArray(documents.status, [...OPEN_DOCUMENTS]), visibleDocuments({ ...actor, heldFor: held })))
          .orderBy(sql`${documents.dueDate} asc nulls last`)
          .limit(LIMIT)
      : [],
    can(actor, 'tasks.read')
      ? db
          .select({
            id: tasks.id,
            title: tasks.title,
            dueDate: tasks.dueDate,
            assigneeId: tasks.assigneeId,
            assigneeName: personName(holder),
            forName: personName(absentee),
          })
          .from(tasks)
          .innerJoin(holder, eq(holder.id, tasks.assigneeId))
          .leftJoin(absentee, eq(absentee.id, tasks.substituteForId))
          .where(and(holderScope(actor, held), inArray(tasks.status, [...OPEN_TASK_STATUSES])))
          .orderBy(asc(tasks.dueAt))
          .limit(LIMIT)
      : [],
    can(actor, 'tasks.create')
      ? db
          .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, assigneeName: personName(holder) })
          .from(tasks)
          .innerJoin(holder, eq(holder.id, tasks.assigneeId))
          .where(and(managerScope(actor, held), eq(tasks.status, 'done')))
          .orderBy(asc(tasks.dueAt))
          .limit(LIMIT)
      : [],
    // Incidents: the person's own (reported or to resolve) and, for IT support, the IT queue's
    // tickets nobody has taken yet.
    db
      .select({
        id: incidents.id,
        number: incidents.number,
        category: incidents.category,
        place: incidents.place,
        description: sql<string>`left(${incidents.description}, 200)`,
        assetTag: incidents.assetTag,
        officeName: offices.name,
        resolutionDueAt: incidents.resolutionDueAt,
        reporterId: incidents.reporterId,
        assigneeId: incidents.assigneeId,
      })
      .from(incidents)
      .innerJoin(offices, eq(offices.code, incidents.officeCode))
      .where(
        and(
          or(
            eq(incidents.reporterId, actor.id),
            eq(incidents.assigneeId, actor.id),
            can(actor, 'incidents.read_all') ? and(eq(incidents.queue, 'it_support'), isNull(incidents.assigneeId)) : undefined,
          ),
          inArray(incidents.status, [...OPEN_INCIDENT_STATUSES]),
        ),
      )
      .orderBy(asc(incidents.resolutionDueAt))
      .limit(LIMIT),
    can(actor, 'proposals.answer')
      ? db
          .select({ id: proposals.id, title: proposals.title, authorName: personName(author) })
          .from(proposals)
          .innerJoin(author, eq(author.id, proposals.authorId))
          .where(and(await answerScope(db, actor), eq(proposals.status, 'submitted')))
          .orderBy(asc(proposals.createdAt))
          .limit(LIMIT)
      : [],
    // Joint assessment applications still to be sent on to the Unemployment Insurance Fund, for
    // whoever may mark them sent: the same people the application list shows them to (the person
    // who took it, the assessment unit, the assignee, managers), by the same rule.
    can(actor, 'assessments.intake') && can(actor, 'register.write')
      ? db
          .select({
            id: assessmentApplications.id,
            number: documents.number,
            title: documents.title,
            dueDate: assessmentApplications.otherAuthorityDueDate,
            authority: assessmentApplications.otherAuthority,
          })
          .from(assessmentApplications)
          .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
          .where(
            and(
              isNotNull(assessmentApplications.otherAuthorityDueDate),
              isNull(assessmentApplications.otherAuthorityForwardedAt),
              applicationScope({ id: actor.id, personalCode: actor.personalCode, roles: actor.roles, unitCode: actor.unitCode }),
            ),
          )
          .orderBy(asc(assessmentApplications.otherAuthorityDueDate))
          .limit(LIMIT)
      : [],
    // Benefit payments: those of the region waiting for this manager's approval (never their
    // own: four eyes), and the person's own payments returned to them for correction.
    can(actor, 'payments.read')
      ? db
          .select({
            id: benefitPayments.id,
            status: benefitPayments.status,
            recipientName: benefitPayments.recipientName,
            amountCents: benefitPayments.amountCents,
            returnReason: benefitPayments.returnReason,
            preparerName: personName(author),
          })
          .from(benefitPayments)
          .innerJoin(author, eq(author.id, benefitPayments.preparedBy))
          .where(
            and(
              paymentScope(actor),
              or(
                approves ? and(eq(benefitPayments.status, 'prepared'), ne(benefitPayments.preparedBy, actor.id)) : sql`false`,
                and(eq(benefitPayments.status, 'returned'), eq(benefitPayments.preparedBy, actor.id)),
                // Finance: approved payments waiting to go into a batch.
                can(actor, 'payments.batch') ? eq(benefitPayments.status, 'approved') : sql`false`,
              ),
            ),
          )
          .orderBy(asc(benefitPayments.preparedAt))
          .limit(LIMIT)
      : [],
    // Administrators: messages the outbox gave up on, to send again.
    can(actor, 'outbox.manage')
      ? db
          .select({ id: outboxMessages.id, kind: outboxMessages.kind, payload: outboxMessages.payload, lastError: outboxMessages.lastError })
          .from(outboxMessages)
          .where(eq(outboxMessages.status, 'dead'))
          .orderBy(asc(outboxMessages.createdAt))
          .limit(LIMIT)
      : [],
  ]);

  const items: DeskItem[] = [
    ...docs.map((d) => ({
      kind: 'document' as const,
      id: d.id,
      title: d.title,
      reference: d.number,
      href: `/dokumendid/${d.id}`,
      dueDate: d.dueDate,
      daysLeft: left(d.dueDate),
      substitutingFor: substituting(d.assigneeId, d.assigneeName, d.forName),
      detail: null,
    })),
    ...myTasks.map((t) => ({
      kind: 'task' as const,
      id: t.id,
      title: t.title,
      reference: null,
      href: `/ulesanded/${t.id}`,
      dueDate: t.dueDate,
      daysLeft: left(t.dueDate),
      substitutingFor: substituting(t.assigneeId, t.assigneeName, t.forName),
      detail: null,
    })),
    ...reviews.map((t) => ({
      kind: 'review' as const,
      id: t.id,
      title: t.title,
      reference: null,
      href: `/ulesanded/${t.id}`,
      dueDate: t.dueDate,
      daysLeft: left(t.dueDate),
      substitutingFor: null,
      detail: t.assigneeName,
    })),
    ...tickets.map((i) => {
      const due = tallinnDate(i.resolutionDueAt);
      const mine = i.assigneeId === actor.id || i.reporterId === actor.id;
      return {
        kind: mine ? ('incident' as const) : ('incident_queue' as const),
        id: i.id,
        title: firstWords(i.description),
        reference: i.number,
        href: `/intsidendid/${i.number}`,
        dueDate: due,
        daysLeft: left(due),
        substitutingFor: null,
        detail: i.assigneeId === actor.id ? 'assigned' : i.reporterId === actor.id ? 'reported' : null,
        incidentCategory: i.category as IncidentCategory,
        where: [i.assetTag, `${i.officeName}, ${i.place}`].filter(Boolean).join(' · '),
      };
    }),
    ...proposalRows.map((p) => ({
      kind: 'proposal' as const,
      id: p.id,
      title: p.title,
      reference: null,
      href: `/ettepanekud/${p.id}`,
      dueDate: null,
      daysLeft: null,
      substitutingFor: null,
      detail: p.authorName,
    })),
    ...forwardings.map((f) => ({
      kind: 'forwarding' as const,
      id: f.id,
      title: f.title,
      reference: f.number,
      href: `/ekspertiisitaotlused/${f.id}`,
      dueDate: f.dueDate,
      daysLeft: left(f.dueDate),
      substitutingFor: null,
      detail: f.authority,
    })),
    ...payments.map((p) => ({
      kind: p.status === 'returned' ? ('payment_return' as const) : p.status === 'approved' ? ('payment_batch' as const) : ('payment_approval' as const),
      id: p.id,
      title: `${formatEuros(p.amountCents)} · ${p.recipientName}`,
      reference: null,
      href: p.status === 'approved' ? '/maksed/paketid' : `/maksed/${p.id}`,
      dueDate: null,
      daysLeft: null,
      substitutingFor: null,
      detail: p.status === 'returned' ? p.returnReason : p.preparerName,
    })),
    ...dead.map((o) => ({
      kind: 'outbox_dead' as const,
      id: o.id,
      title: o.kind === 'notice.digest' || 'subject' in o.payload ? `${(o.payload as EmailPayload).subject} → ${(o.payload as EmailPayload).to}` : o.kind,
      reference: null,
      href: '/admin/valjuvad',
      dueDate: null,
      daysLeft: null,
      substitutingFor: null,
      detail: o.lastError,
    })),
  ];
  // By deadline; work without one after everything that has one.
  return items.sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.kind.localeCompare(b.kind));
}

/** The first words of a description, enough to tell one ticket from another in a list. */
export function firstWords(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}
