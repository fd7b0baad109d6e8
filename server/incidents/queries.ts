import { aliasedTable, and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { incidentAttachments, incidentRoutingRules, incidents, incidentUpdates, offices, regions, staff, type RoutingSnapshot } from '@/db/schema';
import { OPEN_STATUSES, type IncidentCategory, type IncidentPriority, type IncidentStatus } from '@/lib/incident-schema';
import type { Locale } from '@/lib/i18n';
import { authorize, can, type Actor } from '@/server/auth/policy';
import { officeNameIn } from '@/server/org/office-name';
import { readScope, workScope, type IncidentActor } from './scope';

const reporter = aliasedTable(staff, 'reporter');
const assignee = aliasedTable(staff, 'assignee');

const listColumns = (locale: Locale) => ({
  id: incidents.id,
  number: incidents.number,
  category: incidents.category,
  priority: incidents.priority,
  status: incidents.status,
  queue: incidents.queue,
  place: incidents.place,
  officeName: officeNameIn(locale),
  regionCode: incidents.regionCode,
  reporterName: sql<string>`${reporter.givenName} || ' ' || ${reporter.familyName}`,
  assigneeName: sql<string | null>`${assignee.givenName} || ' ' || ${assignee.familyName}`,
  createdAt: incidents.createdAt,
  responseDueAt: incidents.responseDueAt,
  resolutionDueAt: incidents.resolutionDueAt,
  firstResponseAt: incidents.firstResponseAt,
  resolvedAt: incidents.resolvedAt,
});

export type IncidentListItem = {
  id: string;
  number: string;
  category: IncidentCategory;
  priority: IncidentPriority;
  status: IncidentStatus;
  queue: string;
  place: string;
  officeName: string;
  regionCode: string;
  reporterName: string;
  assigneeName: string | null;
  createdAt: Date;
  responseDueAt: Date;
  resolutionDueAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
};

async function list(locale: Locale, where: SQL | undefined, order: SQL[], limit = 200): Promise<IncidentListItem[]> {
  const db = await getDb();
  const rows = await db
    .select(listColumns(locale))
    .from(incidents)
    .innerJoin(reporter, eq(reporter.id, incidents.reporterId))
    .innerJoin(offices, eq(offices.code, incidents.officeCode))
    .leftJoin(assignee, eq(assignee.id, incidents.assigneeId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return rows as IncidentListItem[];
}

/** The tickets a person reported; names (the office's) in the reader's language. */
export async function listMyIncidents(actor: Actor, locale: Locale = 'et'): Promise<IncidentListItem[]> {
  authorize(actor, 'incidents.report');
  return list(locale, eq(incidents.reporterId, actor.id), [desc(incidents.createdAt)]);
}

/** A manager's region's tickets (not their own reports, which they see above). */
export async function listRegionIncidents(actor: IncidentActor, locale: Locale = 'et'): Promise<IncidentListItem[]> {
  authorize(actor, 'incidents.read_region');
  return list(locale, and(eq(incidents.regionCode, actor.regionCode), readScope(actor)), [desc(incidents.createdAt)]);
}

export type QueueFilters = {
  status?: 'open' | 'all' | IncidentStatus;
  priority?: IncidentPriority;
  officeCode?: string;
  category?: IncidentCategory;
  assignee?: 'me' | 'none' | string;
};

const priorityOrder = sql`case ${incidents.priority} when 'critical' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/** The IT support queue: every ticket, filtered; open ones first by priority, then by target. */
export async function listQueue(actor: IncidentActor, filters: QueueFilters = {}, locale: Locale = 'et'): Promise<IncidentListItem[]> {
  authorize(actor, 'incidents.read_all');
  const status = filters.status ?? 'open';
  const conditions: (SQL | undefined)[] = [
    readScope(actor),
    status === 'open' ? inArray(incidents.status, [...OPEN_STATUSES]) : status === 'all' ? undefined : eq(incidents.status, status),
    filters.priority ? eq(incidents.priority, filters.priority) : undefined,
    filters.officeCode ? eq(incidents.officeCode, filters.officeCode) : undefined,
    filters.category ? eq(incidents.category, filters.category) : undefined,
    filters.assignee === 'me'
      ? eq(incidents.assigneeId, actor.id)
      : filters.assignee === 'none'
        ? isNull(incidents.assigneeId)
        : filters.assignee && /^[0-9a-f-]{36}$/i.test(filters.assignee)
          ? eq(incidents.assigneeId, filters.assignee)
          : undefined,
  ];
  return list(locale, and(...conditions), [priorityOrder, asc(incidents.resolutionDueAt)], 500);
}

/** Filter choices for the queue page. */
export async function queueFilterOptions(actor: Actor, locale: Locale = 'et') {
  authorize(actor, 'incidents.read_all');
  const db = await getDb();
  const [officeRows, workers] = await Promise.all([
    db
      .select({ value: offices.code, label: officeNameIn(locale) })
      .from(offices)
      .orderBy(asc(officeNameIn(locale))),
    db
      .select({ value: staff.id, given: staff.givenName, family: staff.familyName })
      .from(staff)
      .where(and(eq(staff.isActive, true), sql`'it_support' = any(${staff.roles})`))
      .orderBy(asc(staff.familyName)),
  ]);
  return { offices: officeRows, assignees: workers.map((w) => ({ value: w.value, label: `${w.given} ${w.family}` })) };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

type DetailColumns = {
  officeCode: string;
  regionName: string;
  reporterId: string;
  assigneeId: string | null;
  assetTag: string | null;
  serviceBlocked: boolean;
  peopleAffected: number;
  description: string;
  resolution: string | null;
  routing: RoutingSnapshot;
  closedAt: Date | null;
  version: number;
  canWork: boolean;
};

/**
 * One ticket as this person may see it, or null. Internal comments are only in the
 * result for people who may work the ticket.
 */
export async function getIncident(actor: IncidentActor, number: string, locale: Locale = 'et') {
  authorize(actor, 'incidents.report');
  const db = await getDb();
  const rows: unknown[] = await db
    .select({
      ...listColumns(locale),
      officeCode: incidents.officeCode,
      regionName: locale === 'en' ? regions.nameEn : regions.nameEt,
      reporterId: incidents.reporterId,
      assigneeId: incidents.assigneeId,
      assetTag: incidents.assetTag,
      serviceBlocked: incidents.serviceBlocked,
      peopleAffected: incidents.peopleAffected,
      description: incidents.description,
      resolution: incidents.resolution,
      routing: incidents.routing,
      closedAt: incidents.closedAt,
      version: incidents.version,
      canWork: sql<boolean>`(${workScope(actor)})`,
    })
    .from(incidents)
    .innerJoin(reporter, eq(reporter.id, incidents.reporterId))
    .innerJoin(offices, eq(offices.code, incidents.officeCode))
    .innerJoin(regions, eq(regions.code, incidents.regionCode))
    .leftJoin(assignee, eq(assignee.id, incidents.assigneeId))
    .where(and(eq(incidents.number, number), readScope(actor)))
    .limit(1);
  const row = rows[0] as (IncidentListItem & DetailColumns) | undefined;
  if (!row) return null;
  const canWork = Boolean(row.canWork);
  const author = aliasedTable(staff, 'author');
  const [updates, attachments] = await Promise.all([
    db
      .select({
        id: incidentUpdates.id,
        visibility: incidentUpdates.visibility,
        body: incidentUpdates.body,
        statusFrom: incidentUpdates.statusFrom,
        statusTo: incidentUpdates.statusTo,
        createdAt: incidentUpdates.createdAt,
        authorName: sql<string>`${author.givenName} || ' ' || ${author.familyName}`,
      })
      .from(incidentUpdates)
      .innerJoin(author, eq(author.id, incidentUpdates.authorId))
      .where(and(eq(incidentUpdates.incidentId, row.id), canWork ? undefined : eq(incidentUpdates.visibility, 'public')))
      .orderBy(asc(incidentUpdates.createdAt)),
    db
      .select({ id: incidentAttachments.id, filename: incidentAttachments.filename, mime: incidentAttachments.mime, size: incidentAttachments.size })
      .from(incidentAttachments)
      .where(eq(incidentAttachments.incidentId, row.id))
      .orderBy(asc(incidentAttachments.createdAt)),
  ]);
  return {
    ...row,
    canWork,
    isReporter: row.reporterId === actor.id,
    // The routing snapshot names who was told; only people working the ticket need it.
    routing: canWork || can(actor, 'incidents.read_region') ? row.routing : null,
    updates,
    attachments,
  };
}

/** An attachment's bytes, if the person may see its ticket. */
export async function getAttachment(actor: IncidentActor, number: string, attachmentId: string) {
  authorize(actor, 'incidents.report');
  const db = await getDb();
  const [row] = await db
    .select({ filename: incidentAttachments.filename, mime: incidentAttachments.mime, content: incidentAttachments.content })
    .from(incidentAttachments)
    .innerJoin(incidents, eq(incidents.id, incidentAttachments.incidentId))
    .where(and(eq(incidentAttachments.id, attachmentId), eq(incidents.number, number), readScope(actor)))
    .limit(1);
  return row ?? null;
}

export type RoutingRuleListItem = {
  id: string;
  category: IncidentCategory;
  regionCode: string;
  regionName: string;
  queue: string;
  mailbox: string | null;
  queueName: string | null;
  informIds: string[];
  informNames: string[];
};

export async function listRoutingRules(actor: Actor, locale: Locale = 'et'): Promise<RoutingRuleListItem[]> {
  authorize(actor, 'incidents.rules');
  const db = await getDb();
  const rows = await db
    .select({
      id: incidentRoutingRules.id,
      category: incidentRoutingRules.category,
      regionCode: incidentRoutingRules.regionCode,
      regionName: locale === 'en' ? regions.nameEn : regions.nameEt,
      queue: incidentRoutingRules.queue,
      mailbox: incidentRoutingRules.mailbox,
      queueName: incidentRoutingRules.queueName,
      informIds: incidentRoutingRules.informIds,
      informNames: sql<
        string[]
      >`coalesce((select array_agg(s.given_name || ' ' || s.family_name order by s.family_name) from staff s where s.id = any(${incidentRoutingRules.informIds})), '{}')`,
    })
    .from(incidentRoutingRules)
    .innerJoin(regions, eq(regions.code, incidentRoutingRules.regionCode))
    .orderBy(asc(locale === 'en' ? regions.nameEn : regions.nameEt), asc(incidentRoutingRules.category));
  return rows as RoutingRuleListItem[];
}

export async function routingRuleOptions(actor: Actor, locale: Locale = 'et') {
  authorize(actor, 'incidents.rules');
  const db = await getDb();
  const [regionRows, people] = await Promise.all([
    db
      .select({ value: regions.code, label: locale === 'en' ? regions.nameEn : regions.nameEt })
      .from(regions)
      .orderBy(asc(locale === 'en' ? regions.nameEn : regions.nameEt)),
    db
      .select({ value: staff.id, given: staff.givenName, family: staff.familyName, title: staff.title, titleEn: staff.titleEn })
      .from(staff)
      .where(eq(staff.isActive, true))
      .orderBy(asc(staff.familyName), asc(staff.givenName)),
  ]);
  // A job title in the page's language; the Estonian one where no English one is kept.
  const titleOf = (p: (typeof people)[number]) => (locale === 'en' && p.titleEn) || p.title;
  return {
    regions: regionRows,
    people: people.map((p) => ({ value: p.value, label: `${p.given} ${p.family}${titleOf(p) ? ` (${titleOf(p)})` : ''}` })),
  };
}

/** Offices for the report form, named in the reader's language. */
export async function reportFormOptions(actor: Actor, locale: Locale = 'et') {
  authorize(actor, 'incidents.report');
  const db = await getDb();
  return db
    .select({ value: offices.code, label: officeNameIn(locale) })
    .from(offices)
    .orderBy(asc(officeNameIn(locale)));
}
