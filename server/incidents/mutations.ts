import { and, eq, sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { incidentAttachments, incidents, incidentUpdates, offices, staff } from '@/db/schema';
import { fill, messagesFor } from '@/lib/i18n';
import {
  incidentCommentSchema,
  incidentReportSchema,
  incidentStatusSchema,
  incidentTakeSchema,
  priorityFor,
  TRANSITIONS,
  type IncidentCommentInput,
  type IncidentReportInput,
  type IncidentStatus,
  type IncidentStatusInput,
  type IncidentTakeInput,
  type ReportOutcome,
} from '@/lib/incident-schema';
import { addWorkingMinutes } from '@/lib/tallinn-time';
import { appendAudit } from '@/server/audit/record';
import { authorize, ForbiddenError } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { notice } from '@/server/notifications/notices';
import { assertUnchanged } from '@/server/record-version';
import { enqueueWebhook, notify } from '@/server/notifications/notify';
import type { Tx } from '@/server/tx';
import { incidentTargets, incidentWorkingDays } from './config';
import { checkUploads, type UploadedFile } from './files';
import { notifyHandover } from '@/server/notifications/handover';
import { readPriorityMatrix } from './priority-matrix';
import { routeIncident } from './routing';
import { readScope, workScope, type IncidentActor } from './scope';
import type { RequestContext } from '@/server/observability/context';

// Notices are in Estonian, the portal's working language.
const m = messagesFor('et').incidents;

const tallinnYear = (d: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Tallinn', year: 'numeric' }).format(d));

/**
 * The next ticket number of the year, e.g. IT-2026-000123. The counter row is updated in
 * the ticket's own transaction and stays locked until it commits: concurrent reports
 * queue on it, and a rolled-back report gives its number back, so there are no gaps.
 */
async function nextNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await selectRows<{ last: number }>(
    tx,
    sql`insert into incident_counters (year, last) values (${year}, 1)
        on conflict (year) do update set last = incident_counters.last + 1
        returning last`,
  );
  return `IT-${year}-${String(row!.last).padStart(6, '0')}`;
}

export type ReportResult = ReportOutcome;

/** Reports an incident: the ticket, its files, the notices and the audit row commit together or not at all. */
export async function reportIncident(
  actor: IncidentActor,
  input: IncidentReportInput,
  files: readonly UploadedFile[],
  ctx: RequestContext,
): Promise<ReportResult> {
  const role = authorize(actor, 'incidents.report');
  const data = incidentReportSchema.parse(input);
  const checked = checkUploads(files);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [office] = await tx.select().from(offices).where(eq(offices.code, data.officeCode));
    if (!office) throw new DomainError('errors.unknownReference', 'officeCode');
    const [who] = await tx.select({ given: staff.givenName, family: staff.familyName }).from(staff).where(eq(staff.id, actor.id));
    const reporterName = `${who?.given ?? ''} ${who?.family ?? ''}`.trim();
    const serviceBlocked = data.serviceBlocked === 'yes';
    const priority = priorityFor(serviceBlocked, data.peopleAffected, data.urgency, await readPriorityMatrix(tx));
    const routing = await routeIncident(tx, { category: data.category, regionCode: office.regionCode, priority, reporterId: actor.id });
    const now = new Date();
    const number = await nextNumber(tx, tallinnYear(now));
    const target = incidentTargets()[priority];
    const webhookQueued = await enqueueWebhook(tx, 'incident.created', {
      number,
      category: data.category,
      priority,
      office: office.code,
      region: office.regionCode,
      place: data.place,
      assetTag: data.assetTag || null,
      serviceBlocked,
      peopleAffected: data.peopleAffected,
      description: data.description,
      reporter: reporterName,
      queue: routing.queue,
      createdAt: now.toISOString(),
    });
    const [row] = await tx
      .insert(incidents)
      .values({
        number,
        reporterId: actor.id,
        category: data.category,
        officeCode: office.code,
        regionCode: office.regionCode,
        place: data.place,
        assetTag: data.assetTag || null,
        serviceBlocked,
        peopleAffected: data.peopleAffected,
        priority,
        description: data.description,
        queue: routing.queue,
        routing: { ...routing.snapshot, webhook: webhookQueued },
        routingRuleId: routing.ruleId,
        responseDueAt: addWorkingMinutes(now, target.responseMinutes, incidentWorkingDays()),
        resolutionDueAt: addWorkingMinutes(now, target.resolutionMinutes, incidentWorkingDays()),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: incidents.id });
    const id = row!.id;
    if (checked.length) {
      await tx
        .insert(incidentAttachments)
        .values(checked.map((f) => ({ incidentId: id, filename: f.filename, mime: f.mime, size: f.bytes.byteLength, content: f.bytes })));
    }
    const queueLabel = routing.queue === 'mailbox' ? (routing.snapshot.rule?.queueName ?? m.queues.mailbox) : m.queues[routing.queue];
    await notify(tx, {
      recipients: routing.recipients,
      notice: notice('incident.created', {
        number,
        reporter: reporterName,
        office: { et: office.name, en: office.nameEn },
        category: data.category,
        priority,
        serviceBlocked,
        peopleAffected: data.peopleAffected,
        urgency: data.urgency,
        place: data.place,
        assetTag: data.assetTag || null,
        queue: routing.queue,
        queueName: routing.snapshot.rule?.queueName ?? null,
        description: data.description,
        attachments: checked.length,
      }),
      link: `/intsidendid/${number}`,
    });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'incident.create',
      entityType: 'incident',
      entityId: id,
      requestId: ctx.requestId,
      details: { number, priority, queue: routing.queue, routedBy: routing.snapshot.by, ruleId: routing.ruleId, files: checked.length },
    });
    return {
      id,
      number,
      queue: routing.queue,
      queueLabel: routing.snapshot.queueMailbox ? `${queueLabel} (${routing.snapshot.queueMailbox})` : queueLabel,
      queueName: routing.snapshot.rule?.queueName ?? null,
      queueMailbox: routing.snapshot.queueMailbox,
      informed: routing.snapshot.informed.map((p) => ({ name: p.name, why: p.why })),
    };
  });
}

type Locked = typeof incidents.$inferSelect;

/** Locks a ticket the actor may work, or fails as if it did not exist. */
async function lockWorkable(tx: Tx, actor: IncidentActor, id: string): Promise<Locked> {
  const [row] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), workScope(actor)))
    .for('update');
  if (!row) {
    // Seeing it but not working it is a refusal; not seeing it is "not found".
    const [visible] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.id, id), readScope(actor)));
    if (visible) throw new ForbiddenError('incidents.work');
    throw new DomainError('errors.notFound');
  }
  return row;
}

async function tellReporter(tx: Tx, ticket: Locked, event: 'resolved' | 'waiting_reporter' | 'comment', note: string) {
  const link = `/intsidendid/${ticket.number}`;
  await notify(tx, { recipients: [{ staffId: ticket.reporterId }], notice: notice('incident.updated', { number: ticket.number, event, note }), link });
}

/** IT support (or the region's manager for non-IT queues) takes the ticket. */
export async function takeIncident(actor: IncidentActor, input: IncidentTakeInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'incidents.work');
  const { id, version } = incidentTakeSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ticket = await lockWorkable(tx, actor, id);
    if (ticket.status === 'resolved' || ticket.status === 'closed') throw new DomainError('errors.incidentClosed');
    // Taken by someone else, answered or moved on since the page was opened: look again first.
    assertUnchanged(ticket, version);
    const status: IncidentStatus = ticket.status === 'new' ? 'in_progress' : ticket.status;
    await tx
      .update(incidents)
      .set({ assigneeId: actor.id, status, firstResponseAt: ticket.firstResponseAt ?? sql`now()`, updatedAt: sql`now()` })
      .where(eq(incidents.id, id));
    if (status !== ticket.status) {
      await tx.insert(incidentUpdates).values({ incidentId: id, authorId: actor.id, visibility: 'public', statusFrom: ticket.status, statusTo: status });
    }
    // The reporter learns who has their problem now.
    await notifyHandover(tx, {
      to: ticket.reporterId,
      fromId: actor.id,
      kind: 'incident.assigned',
      what: () => ticket.number,
      link: `/intsidendid/${ticket.number}`,
      headline: (m, from) => ({
        subject: fill(m.notifications.handover.incidentTaken, { from, number: ticket.number }),
        text: fill(m.notifications.handover.incidentTakenText, { from, number: ticket.number }),
      }),
    });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'incident.take',
      entityType: 'incident',
      entityId: id,
      requestId: ctx.requestId,
      details: { number: ticket.number, from: ticket.status, to: status },
    });
  });
}

/** Moves a ticket along new → in progress → waiting → resolved → closed; resolving needs a note. */
export async function changeIncidentStatus(actor: IncidentActor, input: IncidentStatusInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'incidents.work');
  const data = incidentStatusSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ticket = await lockWorkable(tx, actor, data.id);
    if (ticket.status === 'closed') throw new DomainError('errors.incidentClosed');
    assertUnchanged(ticket, data.version);
    if (!TRANSITIONS[ticket.status].includes(data.status)) throw new DomainError('errors.badTransition', 'status');
    const resolving = data.status === 'resolved';
    await tx
      .update(incidents)
      .set({
        status: data.status,
        assigneeId: ticket.assigneeId ?? actor.id,
        firstResponseAt: ticket.firstResponseAt ?? sql`now()`,
        resolution: resolving ? data.note : ticket.resolution,
        resolvedAt: resolving ? sql`now()` : data.status === 'closed' ? ticket.resolvedAt : null,
        closedAt: data.status === 'closed' ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(incidents.id, data.id));
    await tx.insert(incidentUpdates).values({
      incidentId: data.id,
      authorId: actor.id,
      visibility: 'public',
      body: data.note || null,
      statusFrom: ticket.status,
      statusTo: data.status,
    });
    if (resolving || data.status === 'waiting_reporter') {
      await tellReporter(tx, ticket, resolving ? 'resolved' : 'waiting_reporter', data.note || '');
    }
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'incident.status',
      entityType: 'incident',
      entityId: data.id,
      requestId: ctx.requestId,
      details: { number: ticket.number, from: ticket.status, to: data.status },
    });
  });
}

/**
 * A comment. People working the ticket choose public or internal; the reporter (or a
 * manager reading their region) may only add public ones, to tickets they can see.
 */
export async function commentIncident(actor: IncidentActor, input: IncidentCommentInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'incidents.report');
  const data = incidentCommentSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ incident: incidents, canWork: sql<boolean>`(${workScope(actor)})` })
      .from(incidents)
      .where(and(eq(incidents.id, data.id), readScope(actor)))
      .for('update');
    if (!ticket) throw new DomainError('errors.notFound');
    const canWork = Boolean(ticket.canWork);
    const t = ticket.incident;
    if (data.visibility === 'internal' && !canWork) throw new ForbiddenError('incidents.work');
    if (t.status === 'closed') throw new DomainError('errors.incidentClosed');
    const isReporter = t.reporterId === actor.id;
    await tx.insert(incidentUpdates).values({ incidentId: t.id, authorId: actor.id, visibility: data.visibility, body: data.body });
    await tx
      .update(incidents)
      .set({ updatedAt: sql`now()`, ...(canWork && !isReporter && data.visibility === 'public' && !t.firstResponseAt ? { firstResponseAt: sql`now()` } : {}) })
      .where(eq(incidents.id, t.id));
    if (data.visibility === 'public' && !isReporter) {
      await tellReporter(tx, t, 'comment', data.body);
    } else if (isReporter && t.assigneeId && t.assigneeId !== actor.id) {
      await notify(tx, {
        recipients: [{ staffId: t.assigneeId }],
        notice: notice('incident.reply', { number: t.number, body: data.body }),
        link: `/intsidendid/${t.number}`,
      });
    }
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'incident.comment',
      entityType: 'incident',
      entityId: t.id,
      requestId: ctx.requestId,
      details: { number: t.number, visibility: data.visibility },
    });
  });
}
