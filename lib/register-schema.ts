import { z } from 'zod';
import { isValidPersonalCode } from './personal-code';
import { calendarDate, calendarDateTime, optionalCalendarDate } from './date-schema';
import { noHiddenCharacters } from './hidden-characters';
import { seenVersion } from './record-version';

// Forms of the correspondence register. The same schemas run in the browser (react-hook-form)
// and again in the server action and the domain function. Messages are catalogue keys.

export const CHANNELS = ['in_person', 'post', 'email', 'e_service', 'phone', 'dhx'] as const;
export const OUTGOING_CHANNELS = ['in_person', 'post', 'email', 'e_service', 'dhx'] as const;
export const IDENTITY_DOCUMENTS = ['id_card', 'passport', 'residence_permit', 'other'] as const;
export const DOCUMENT_STATUSES = ['registered', 'in_progress', 'waiting_for_client', 'answered', 'closed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    // Text is data: angle brackets and control characters have no place in a register entry.
    .regex(/^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'errors.badChars');
const required = (max: number) => plain(max).min(1, 'errors.required');
const isoDate = calendarDate;
const optionalIsoDate = optionalCalendarDate;
const localDateTime = calendarDateTime;
const name = z
  .string()
  .trim()
  .max(100, 'errors.tooLong')
  .regex(/^(\p{L}[\p{L}\p{M} '’.-]*)?$/u, 'errors.badChars');

export const registerDocumentSchema = z
  .object({
    typeCode: z.string().min(1, 'errors.required'),
    channel: z.enum(CHANNELS, 'errors.required'),
    receivedAt: localDateTime,
    party: z.enum(['client', 'institution']),
    clientCode: z.string().trim(),
    clientGivenName: name,
    clientFamilyName: name,
    institutionName: plain(200).refine(noHiddenCharacters, 'errors.hiddenCharacters'),
    institutionCode: z
      .string()
      .trim()
      .regex(/^(\d{8})?$/, 'errors.registryCode'),
    identityChecked: z.boolean(),
    identityDocumentType: z.union([z.literal(''), z.enum(IDENTITY_DOCUMENTS)]),
    identityDocumentNumber: z
      .string()
      .trim()
      .max(20, 'errors.tooLong')
      .regex(/^[A-Za-z0-9]*$/, 'errors.badChars'),
    identityValidUntil: optionalIsoDate,
    title: required(500).refine(noHiddenCharacters, 'errors.hiddenCharacters'),
    senderReference: plain(100),
    senderDate: optionalIsoDate,
    pages: z.union([z.literal(''), z.coerce.number().int('errors.wholeNumber').min(1, 'errors.positive').max(10000, 'errors.tooLarge')]),
    isRestricted: z.boolean(),
    restrictionGroundCode: z.string(),
    restrictionUntil: optionalIsoDate,
    unitCode: z.string().min(1, 'errors.required'),
    assigneeId: z.union([z.literal(''), z.uuid()]),
    otherAuthority: z.boolean(),
    matterId: z.union([z.literal(''), z.uuid()]),
    submissionId: z.uuid(),
  })
  .superRefine((v, ctx) => {
    const need = (ok: boolean, path: string, message = 'errors.required') => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (v.party === 'client') {
      need(isValidPersonalCode(v.clientCode), 'clientCode', v.clientCode ? 'errors.personalCode' : 'errors.required');
      need(v.clientGivenName.length > 0, 'clientGivenName');
      need(v.clientFamilyName.length > 0, 'clientFamilyName');
      // Handed in at the office: the specialist identifies the client from a document (duty 3.2).
      if (v.channel === 'in_person') need(v.identityChecked, 'identityChecked', 'errors.identityRequired');
    } else {
      need(v.institutionName.length > 0, 'institutionName');
    }
    if (v.identityChecked) {
      need(v.identityDocumentType !== '', 'identityDocumentType');
      need(v.identityDocumentNumber.length >= 5, 'identityDocumentNumber', v.identityDocumentNumber ? 'errors.documentNumber' : 'errors.required');
      need(v.identityValidUntil !== '', 'identityValidUntil');
    }
    if (v.isRestricted) need(v.restrictionGroundCode !== '', 'restrictionGroundCode');
  });

export type RegisterDocumentInput = z.input<typeof registerDocumentSchema>;

// Decisions on a document carry the version of it its card showed (lib/record-version.ts).
export const forwardSchema = z.object({
  documentId: z.uuid(),
  version: seenVersion,
  unitCode: z.string().min(1, 'errors.required'),
  assigneeId: z.union([z.literal(''), z.uuid()]),
  note: plain(1000),
});
export type ForwardInput = z.input<typeof forwardSchema>;

export const missingRequestSchema = z.object({
  documentId: z.uuid(),
  version: seenVersion,
  items: required(2000),
  clientDeadline: isoDate,
  note: plain(1000),
});
export type MissingRequestInput = z.input<typeof missingRequestSchema>;

export const missingReceivedSchema = z.object({ documentId: z.uuid(), version: seenVersion, receivedOn: isoDate });
export type MissingReceivedInput = z.input<typeof missingReceivedSchema>;

export const extendDeadlineSchema = z.object({ documentId: z.uuid(), version: seenVersion, newDueDate: isoDate, reason: required(1000) });
export type ExtendDeadlineInput = z.input<typeof extendDeadlineSchema>;

export const replySchema = z.object({
  documentId: z.uuid(),
  version: seenVersion,
  title: required(500).refine(noHiddenCharacters, 'errors.hiddenCharacters'),
  channel: z.enum(OUTGOING_CHANNELS, 'errors.required'),
  closeMatter: z.boolean(),
});
export type ReplyInput = z.input<typeof replySchema>;

export const statusSchema = z.object({ documentId: z.uuid(), version: seenVersion, status: z.enum(DOCUMENT_STATUSES) });
export type StatusInput = z.input<typeof statusSchema>;

/** A restricted document's title made public, by its unit's manager, as its card showed it. */
export const makePublicSchema = z.object({ documentId: z.uuid(), version: seenVersion });
export type MakePublicInput = z.input<typeof makePublicSchema>;

export const forwardToAuthoritySchema = z.object({
  documentId: z.uuid(),
  version: seenVersion,
  authority: required(200),
  note: plain(1000),
  senderInformed: z.literal(true, 'errors.senderInformed'),
});
export type ForwardToAuthorityInput = z.input<typeof forwardToAuthoritySchema>;

export const attachmentIdSchema = z.object({ attachmentId: z.uuid() });

/** Allowed scans (duty 3.3.1) and their limits; the sizes can be changed by configuration. */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;

export const documentTypeSchema = z
  .object({
    code: z.string().regex(/^[a-z_]{2,60}$/, 'errors.badChars'),
    nameEt: required(200).refine(noHiddenCharacters, 'errors.hiddenCharacters'),
    nameEn: required(200).refine(noHiddenCharacters, 'errors.hiddenCharacters'),
    direction: z.enum(['incoming', 'outgoing']),
    seriesCode: z.string().min(1, 'errors.required'),
    defaultRestricted: z.boolean(),
    defaultGroundCode: z.string(),
    deadlineKind: z.enum(['none', 'calendar_days', 'working_days']),
    deadlineDays: z.union([z.literal(''), z.coerce.number().int('errors.wholeNumber').min(1, 'errors.positive').max(365, 'errors.tooLarge')]),
    restartAfterMissing: z.boolean(),
    defaultUnitCode: z.string(),
    isActive: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.deadlineKind !== 'none' && v.deadlineDays === '') ctx.addIssue({ code: 'custom', path: ['deadlineDays'], message: 'errors.required' });
  });
export type DocumentTypeInput = z.input<typeof documentTypeSchema>;

export const extraDayOffSchema = z.object({ day: isoDate, reason: required(200) });
