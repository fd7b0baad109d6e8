import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PRIORITIES, QUEUES, STATUSES } from '../../lib/incident-schema';
import { offices, regions, staff } from './org';

// IT and administrative incidents (duty 3.10).

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const incidentStatusEnum = pgEnum('incident_status', STATUSES);
export const incidentPriorityEnum = pgEnum('incident_priority', PRIORITIES);
export const incidentQueueEnum = pgEnum('incident_queue', QUEUES);
export const incidentVisibilityEnum = pgEnum('incident_visibility', ['public', 'internal']);

// The ITIL priority matrix: impact (how many people, lib/incident-schema.ts) × urgency (is
// service to clients stopped) → priority. Seeded with the defaults; an administrator adjusts
// it (/admin/prioriteedid). A missing cell falls back to the default table.
export const incidentPriorityMatrix = pgTable(
  'incident_priority_matrix',
  {
    impact: text('impact').notNull(),
    urgency: text('urgency').notNull(),
    priority: incidentPriorityEnum('priority').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.impact, t.urgency] })],
);

/** One row per year; incremented in the ticket's own transaction, so numbers have no gaps. */
export const incidentCounters = pgTable('incident_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

// An office that works differently: category × region → queue and extra people. Without
// a matching rule the organisation decides (server/incidents/routing.ts).
export const incidentRoutingRules = pgTable(
  'incident_routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: text('category').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    queue: incidentQueueEnum('queue').notNull(),
    mailbox: text('mailbox'),
    queueName: text('queue_name'),
    informIds: uuid('inform_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('incident_routing_rules_key').on(t.category, t.regionCode)],
);

export type RoutingSnapshot = {
  by: 'default' | 'rule';
  rule: { id: string; category: string; regionCode: string; queue: string; mailbox: string | null; queueName: string | null } | null;
  queueMailbox: string | null;
  informed: { id: string; name: string; email: string; why: 'regional_manager' | 'head_of_it' | 'rule' | 'queue' }[];
  webhook: boolean;
};

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => staff.id),
    category: text('category').notNull(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    place: text('place').notNull(),
    assetTag: text('asset_tag'),
    serviceBlocked: boolean('service_blocked').notNull(),
    peopleAffected: integer('people_affected').notNull(),
    priority: incidentPriorityEnum('priority').notNull(),
    description: text('description').notNull(),
    status: incidentStatusEnum('status').notNull().default('new'),
    queue: incidentQueueEnum('queue').notNull(),
    // What routed it, frozen at creation: a later rule change does not move old tickets.
    routing: jsonb('routing').$type<RoutingSnapshot>().notNull(),
    routingRuleId: uuid('routing_rule_id'),
    assigneeId: uuid('assignee_id').references(() => staff.id),
    resolution: text('resolution'),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // The row's version: the database adds one on every UPDATE (trigger row_version_bump), and a
    // decision carries the version it was made on (server/record-version.ts).
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('incidents_reporter_idx').on(t.reporterId, t.createdAt),
    index('incidents_region_idx').on(t.regionCode, t.createdAt),
    index('incidents_status_idx').on(t.status, t.priority),
  ],
);

export const incidentAttachments = pgTable(
  'incident_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_attachments_incident_idx').on(t.incidentId)],
);

/** The ticket's timeline: comments (public to the reporter, or internal) and status changes. */
export const incidentUpdates = pgTable(
  'incident_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    visibility: incidentVisibilityEnum('visibility').notNull(),
    body: text('body'),
    statusFrom: incidentStatusEnum('status_from'),
    statusTo: incidentStatusEnum('status_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_updates_incident_idx').on(t.incidentId, t.createdAt)],
);

export type Incident = typeof incidents.$inferSelect;
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;
export type RoutingRuleRow = typeof incidentRoutingRules.$inferSelect;
