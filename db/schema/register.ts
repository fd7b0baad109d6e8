import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { staff, units } from './org';

// The correspondence register. Column names follow the Board's public register and the
// state's document-exchange capsule (Kapsel 2.1: RecordType, RecordOriginalIdentifier,
// RecordDateRegistered, RecordTitle, ReplyDueDate, Access) so an export is a mapping.

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const directionEnum = pgEnum('document_direction', ['incoming', 'outgoing']);
export const deadlineKindEnum = pgEnum('deadline_kind', ['none', 'calendar_days', 'working_days']);
export const channelEnum = pgEnum('document_channel', ['in_person', 'post', 'email', 'e_service', 'phone', 'dhx']);
export const documentStatusEnum = pgEnum('document_status', ['registered', 'in_progress', 'waiting_for_client', 'answered', 'closed']);
export const identityDocumentEnum = pgEnum('identity_document', ['id_card', 'passport', 'residence_permit', 'other']);

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personalCode: text('personal_code').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clients_family_name_idx').on(sql`lower(${t.familyName})`, sql`lower(${t.givenName})`),
    // The register's search by a part of the client's name (ILIKE '%…%'); pg_trgm (migration 0009).
    index('clients_name_trgm_idx').using('gin', sql`(${t.givenName} || ' ' || ${t.familyName}) gin_trgm_ops`),
  ],
);

/** Identity established from a document at the desk (duty 3.2). */
export const identityChecks = pgTable('identity_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  clientId: uuid('client_id')
    .notNull()
    .references(() => clients.id),
  documentType: identityDocumentEnum('document_type').notNull(),
  documentNumber: text('document_number').notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  checkedBy: uuid('checked_by')
    .notNull()
    .references(() => staff.id),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registerSeries = pgTable('register_series', {
  code: text('code').primaryKey(), // e.g. 2-1
  name: text('name').notNull(),
  // `2-1/26/1534` instead of `2-1/1534` where the records schedule says so.
  withYear: boolean('with_year').notNull().default(false),
});

/** The last number used per series and calendar year; locked by the registering transaction. */
export const registerCounters = pgTable(
  'register_counters',
  {
    seriesCode: text('series_code')
      .notNull()
      .references(() => registerSeries.code),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesCode, t.year] })],
);

/** Avaliku teabe seadus § 35 grounds for restricting access, kept by the administrator. */
export const accessGrounds = pgTable('access_grounds', {
  code: text('code').primaryKey(),
  label: text('label').notNull(), // AvTS § 35 lg 1 p 12
  explanationEt: text('explanation_et').notNull(),
  explanationEn: text('explanation_en').notNull(),
  termYears: integer('term_years').notNull(),
  isActive: boolean('is_active').notNull().default(true),
});

export const documentTypes = pgTable('document_types', {
  code: text('code').primaryKey(),
  nameEt: text('name_et').notNull(),
  nameEn: text('name_en').notNull(),
  direction: directionEnum('direction').notNull(),
  seriesCode: text('series_code')
    .notNull()
    .references(() => registerSeries.code),
  defaultRestricted: boolean('default_restricted').notNull().default(true),
  defaultGroundCode: text('default_ground_code').references(() => accessGrounds.code),
  deadlineKind: deadlineKindEnum('deadline_kind').notNull().default('none'),
  deadlineDays: integer('deadline_days'),
  // The longest extension the law allows (MSVS § 6: 2 months; AvTS § 18: 15 working days).
  extensionKind: deadlineKindEnum('extension_kind').notNull().default('none'),
  extensionDays: integer('extension_days'),
  extensionMonths: integer('extension_months'),
  // A pension decision is due 15 working days after the last needed document: after a
  // missing-documents pause the period restarts in full instead of resuming.
  restartAfterMissing: boolean('restart_after_missing').notNull().default(false),
  defaultUnitCode: text('default_unit_code').references(() => units.code),
  isActive: boolean('is_active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(100),
});

/** Extra days off decided by the administrator (e.g. a government-declared day off). */
export const extraDaysOff = pgTable('extra_days_off', {
  day: date('day', { mode: 'string' }).primaryKey(),
  reason: text('reason').notNull(),
});

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Registration number: series/sequence (or series/yy/sequence) plus -suffix in a matter.
    seriesCode: text('series_code')
      .notNull()
      .references(() => registerSeries.code),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    suffix: integer('suffix').notNull().default(0),
    number: text('number').notNull(),
    // The first document of the matter; its own id for the first one.
    matterId: uuid('matter_id')
      .notNull()
      .references((): AnyPgColumn => documents.id),
    lastSuffix: integer('last_suffix').notNull().default(0),
    typeCode: text('type_code')
      .notNull()
      .references(() => documentTypes.code),
    direction: directionEnum('direction').notNull(),
    channel: channelEnum('channel').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    clientId: uuid('client_id').references(() => clients.id),
    institutionName: text('institution_name'),
    institutionCode: text('institution_code'),
    title: text('title').notNull(),
    senderReference: text('sender_reference'), // seosviit
    senderDate: date('sender_date', { mode: 'string' }),
    pages: integer('pages'),
    isRestricted: boolean('is_restricted').notNull(),
    restrictionGroundCode: text('restriction_ground_code').references(() => accessGrounds.code),
    restrictionFrom: date('restriction_from', { mode: 'string' }),
    restrictionUntil: date('restriction_until', { mode: 'string' }),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    assigneeId: uuid('assignee_id').references(() => staff.id),
    // Set when the person chosen was absent and their substitute got the document instead
    // ("asendamine"): the absent person (server/org/substitution.ts).
    substituteForId: uuid('substitute_for_id').references((): AnyPgColumn => staff.id),
    status: documentStatusEnum('status').notNull().default('registered'),
    deadlineKind: deadlineKindEnum('deadline_kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    // While the client is asked for missing documents the deadline pauses: the due date
    // is cleared and the days that were left are kept here.
    pausedDaysLeft: integer('paused_days_left'),
    otherAuthority: boolean('other_authority').notNull().default(false),
    forwardedTo: text('forwarded_to'),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    // Made public on purpose by its unit (the restriction lifted before its term): from then
    // on the public register shows its title (server/public-register/entry.ts).
    publicSince: timestamp('public_since', { withTimezone: true }),
    publicBy: uuid('public_by').references((): AnyPgColumn => staff.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    // The form's one-time key: a double-submitted form registers once.
    submissionId: uuid('submission_id').unique(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // The row's version: the database adds one on every UPDATE (trigger row_version_bump), and a
    // decision carries the version it was made on (server/record-version.ts).
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('documents_number_unique').on(t.seriesCode, t.year, t.sequence, t.suffix),
    index('documents_number_idx').on(t.number),
    // A search by number also finds the matter's additions (2-1/1534-1 …): LIKE 'n-%' on this.
    index('documents_number_pattern_idx').using('btree', sql`${t.number} text_pattern_ops`),
    // Open documents by deadline (no deadline last), for "my unit's" and the overdue lists.
    index('documents_open_due_idx')
      .on(sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id)
      .where(sql`${t.status} in ('registered', 'in_progress', 'waiting_for_client')`),
    index('documents_unit_open_due_idx')
      .on(t.unitCode, sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id)
      .where(sql`${t.status} in ('registered', 'in_progress', 'waiting_for_client')`),
    // "My unit's open documents, newest first" (the unit tab with the open filter): by the
    // registration-date index alone, a unit with few open documents was read to its end.
    index('documents_unit_open_registered_idx')
      .on(t.unitCode, t.registeredAt, t.id)
      .where(sql`${t.status} in ('registered', 'in_progress', 'waiting_for_client')`),
    index('documents_client_idx').on(t.clientId, t.registeredAt),
    index('documents_assignee_idx').on(t.assigneeId, t.status, t.dueDate),
    index('documents_unit_idx').on(t.unitCode, t.status, t.dueDate),
    index('documents_due_idx').on(t.dueDate),
    index('documents_registered_idx').on(t.registeredAt, t.id),
    index('documents_matter_idx').on(t.matterId),
    // The same search also matches the sending institution's name; with the clients' index
    // above the planner ORs the two index scans instead of reading every document.
    index('documents_institution_name_trgm_idx').using('gin', sql`${t.institutionName} gin_trgm_ops`),
    // The public register (/avalik): words in titles, and the newest entries of one type, unit
    // or series; the restriction test runs on the rows these find.
    index('documents_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('documents_type_registered_idx').on(t.typeCode, t.registeredAt, t.id),
    index('documents_unit_registered_idx').on(t.unitCode, t.registeredAt, t.id),
    index('documents_series_registered_idx').on(t.seriesCode, t.registeredAt, t.id),
    check('documents_party', sql`${t.clientId} is not null or ${t.institutionName} is not null`),
  ],
);

export const documentEvents = pgTable(
  'document_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => staff.id),
    kind: text('kind').notNull(),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('document_events_document_idx').on(t.documentId, t.at)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storage: text('storage').notNull().default('db'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => staff.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    certifiedBy: uuid('certified_by').references(() => staff.id),
    certifiedAt: timestamp('certified_at', { withTimezone: true }),
  },
  (t) => [index('attachments_document_idx').on(t.documentId)],
);

/** File bytes for the database storage backend, apart from the metadata lists read. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id),
  content: bytea('content').notNull(),
});

/** Haldusmenetluse seadus § 15 lg 2: what the client must add, and by when. */
export const missingRequests = pgTable(
  'missing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    items: text('items').array().notNull(),
    clientDeadline: date('client_deadline', { mode: 'string' }).notNull(),
    note: text('note'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staff.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => staff.id),
  },
  (t) => [
    index('missing_requests_document_idx').on(t.documentId),
    // At most one open request per document.
    uniqueIndex('missing_requests_open_unique')
      .on(t.documentId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export type Client = typeof clients.$inferSelect;
export type DocumentType = typeof documentTypes.$inferSelect;
export type RegisterDocument = typeof documents.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type AccessGround = typeof accessGrounds.$inferSelect;
export type DocumentEvent = typeof documentEvents.$inferSelect;
export type MissingRequest = typeof missingRequests.$inferSelect;
