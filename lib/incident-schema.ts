import { z } from 'zod';
import { noHiddenCharacters } from './hidden-characters';
import { seenVersion } from './record-version';
import { UPLOAD_LIMITS } from './upload-limits';

// IT and administrative incidents (job description duty 3.10): the categories, priority,
// statuses and the one zod schema per form, shared by the forms and the domain functions.

export const CATEGORY_GROUPS = {
  hardware: ['computer', 'monitor', 'printer', 'scanner', 'id_card_reader', 'phone', 'network'],
  software: ['software', 'access_rights'],
  premises: ['room', 'furniture', 'heating_cooling', 'security', 'other'],
} as const;
export type CategoryGroup = keyof typeof CATEGORY_GROUPS;
export const CATEGORIES = Object.values(CATEGORY_GROUPS).flat() as readonly IncidentCategory[];
export type IncidentCategory = (typeof CATEGORY_GROUPS)[CategoryGroup][number];

export function categoryGroup(category: IncidentCategory): CategoryGroup {
  return (Object.keys(CATEGORY_GROUPS) as CategoryGroup[]).find((g) => (CATEGORY_GROUPS[g] as readonly string[]).includes(category))!;
}

export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type IncidentPriority = (typeof PRIORITIES)[number];

export const STATUSES = ['new', 'in_progress', 'waiting_reporter', 'waiting_supplier', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'in_progress', 'waiting_reporter', 'waiting_supplier'];

/** Which status may follow which; `closed` is final, a resolved ticket may be reopened. */
export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['in_progress', 'waiting_reporter', 'waiting_supplier', 'resolved'],
  in_progress: ['waiting_reporter', 'waiting_supplier', 'resolved'],
  waiting_reporter: ['in_progress', 'resolved'],
  waiting_supplier: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

export const QUEUES = ['it_support', 'regional_manager', 'mailbox'] as const;
export type IncidentQueue = (typeof QUEUES)[number];

/** How many people the problem stops from working, as the reporter sees it. */
export type AffectedBand = 'one' | 'few' | 'many';
export function affectedBand(people: number): AffectedBand {
  if (people <= 1) return 'one';
  if (people <= 5) return 'few';
  return 'many';
}

// The priority as help desks set it (ITIL): impact × urgency.
// Impact: how far the problem reaches. Many people (6+), or client service stopped for more
// than one person, is high; a few people (2–5), or one person who cannot serve clients, is
// medium; one person who can still serve clients is low.
// Urgency: how soon it must be fixed, as the reporter says (work stopped with no way around
// it; hampered but possible; can wait).
// The matrix is an administrator's (incident_priority_matrix, /admin/prioriteedid); these
// are its defaults and the cells it does not set. One person's broken monitor stays at most
// high: only a problem of high impact that cannot wait is critical.
export const IMPACTS = ['high', 'medium', 'low'] as const;
export type Impact = (typeof IMPACTS)[number];
export const URGENCIES = ['high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];
export type PriorityMatrix = Record<Impact, Record<Urgency, IncidentPriority>>;

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  //         urgency: high        medium      low
  high: { high: 'critical', medium: 'high', low: 'normal' },
  medium: { high: 'high', medium: 'normal', low: 'low' },
  low: { high: 'normal', medium: 'low', low: 'low' },
};

export function impactOf(serviceBlocked: boolean, peopleAffected: number): Impact {
  const band = affectedBand(peopleAffected);
  if (band === 'many' || (serviceBlocked && band === 'few')) return 'high';
  if (band === 'few' || serviceBlocked) return 'medium';
  return 'low';
}

export function priorityFor(
  serviceBlocked: boolean,
  peopleAffected: number,
  urgency: Urgency = 'medium',
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): IncidentPriority {
  return matrix[impactOf(serviceBlocked, peopleAffected)][urgency];
}

export const priorityMatrixSchema = z.object(
  Object.fromEntries(IMPACTS.map((i) => [i, z.object(Object.fromEntries(URGENCIES.map((u) => [u, z.enum(PRIORITIES, 'errors.required')])))])) as Record<
    Impact,
    z.ZodObject<Record<Urgency, z.ZodEnum<{ [K in IncidentPriority]: K }>>>
  >,
);

// Uploads: at most 5 files, each and together within lib/upload-limits.ts (10 MB, 50 MB),
// well under the request limit nginx and Next let through.
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = UPLOAD_LIMITS.attachmentBytes;
export const MAX_TOTAL_BYTES = UPLOAD_LIMITS.attachmentsBytes;
export const ALLOWED_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const;

// Free text is stored and shown as text (React and the e-mail template escape it); only
// control characters, which no keyboard types, are refused.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'errors.badChars');

export const DESCRIPTION_MAX = 4000;

export const incidentReportSchema = z.object({
  category: z.enum(CATEGORIES as unknown as [IncidentCategory, ...IncidentCategory[]], 'errors.required'),
  officeCode: z.string().trim().min(1, 'errors.required').max(40),
  place: text(200).min(1, 'errors.required'),
  assetTag: text(60),
  serviceBlocked: z.enum(['yes', 'no'], 'errors.required'),
  peopleAffected: z.coerce.number('errors.peopleAffected').int('errors.peopleAffected').min(1, 'errors.peopleAffected').max(5000, 'errors.peopleAffected'),
  urgency: z.enum(URGENCIES).default('medium'),
  description: text(DESCRIPTION_MAX).min(10, 'errors.descriptionShort'),
});
export type IncidentReportInput = z.input<typeof incidentReportSchema>;
export type IncidentReport = z.output<typeof incidentReportSchema>;

export const incidentIdSchema = z.object({ id: z.uuid() });

/** Taking a ticket is a decision on it as the page showed it (lib/record-version.ts). */
export const incidentTakeSchema = z.object({ id: z.uuid(), version: seenVersion });
export type IncidentTakeInput = z.input<typeof incidentTakeSchema>;

export const incidentStatusSchema = z
  .object({
    id: z.uuid(),
    version: seenVersion,
    status: z.enum(STATUSES),
    note: text(4000),
  })
  .refine((v) => v.status !== 'resolved' || v.note.length > 0, { message: 'errors.resolutionNote', path: ['note'] });
export type IncidentStatusInput = z.input<typeof incidentStatusSchema>;

export const incidentCommentSchema = z.object({
  id: z.uuid(),
  body: text(4000).min(1, 'errors.required'),
  visibility: z.enum(['public', 'internal']),
});
export type IncidentCommentInput = z.input<typeof incidentCommentSchema>;

const emailList = z
  .string()
  .trim()
  .max(200, 'errors.tooLong')
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .pipe(z.email('errors.email').nullable())
  // The parsed rule parses to itself, so the domain function can parse the action's data again.
  .nullable();

export const routingRuleSchema = z
  .object({
    id: z.union([z.uuid(), z.literal('')]),
    category: z.enum(CATEGORIES as unknown as [IncidentCategory, ...IncidentCategory[]], 'errors.required'),
    regionCode: z.string().trim().min(1, 'errors.required').max(40),
    queue: z.enum(QUEUES, 'errors.required'),
    mailbox: emailList,
    queueName: text(100).refine(noHiddenCharacters, 'errors.hiddenCharacters'),
    informIds: z.array(z.uuid('errors.unknownReference')).max(10),
  })
  .refine((v) => v.queue !== 'mailbox' || (v.mailbox && v.queueName), { message: 'errors.mailboxNeeded', path: ['mailbox'] });
export type RoutingRuleInput = z.input<typeof routingRuleSchema>;
export type RoutingRule = z.output<typeof routingRuleSchema>;

/** What the reporter is shown after submitting. */
export type ReportOutcome = {
  id: string;
  number: string;
  queue: string;
  /** The queue in Estonian; the page names it from queue, queueName and queueMailbox in its own language. */
  queueLabel: string;
  queueName: string | null;
  queueMailbox: string | null;
  informed: { name: string; why: string }[];
};
