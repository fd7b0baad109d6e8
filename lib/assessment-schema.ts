import { z } from 'zod';
import { optionalIdentityDocumentFields, requireIdentityDocument } from './identity-document';
import { parsePersonalCode } from './personal-code';
import { ISO_DATE } from './tallinn-time';

// The disability-degree assessment application (puude raskusastme tuvastamise taotlus,
// duty 3.4), taken at the desk or entered from paper. One schema for the form, the server
// action and the domain function; the JSON export (docs/schemas/assessment-application.schema.json)
// is built from what it accepted.

export const APPLICANT_GROUPS = ['child', 'working_age', 'pension_age'] as const;
export type ApplicantGroup = (typeof APPLICANT_GROUPS)[number];
export const ASSESSMENT_KINDS = ['disability', 'disability_and_work_ability'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const INTAKE_CHANNELS = ['in_person', 'post', 'email', 'e_service'] as const;
export const REPRESENTATIVE_BASES = ['parent', 'guardian', 'authorisation'] as const;
/** Whose identity document was checked: the applicant's, or the representative's who came instead. */
export const IDENTIFIED_PERSONS = ['applicant', 'representative'] as const;
export type IdentifiedPerson = (typeof IDENTIFIED_PERSONS)[number];

// The areas of everyday life the Board's assessment asks about (Puuetega inimeste
// sotsiaaltoetuste seadus § 2 and the assessment method's activity domains): each asks how
// much the health condition limits the person there.
export const LIMITATION_AREAS = ['moving', 'hand_use', 'communication', 'mental', 'self_care', 'learning', 'social'] as const;
export type LimitationArea = (typeof LIMITATION_AREAS)[number];
// The ICF qualifier scale (no, mild, moderate, severe, complete difficulty).
export const LIMITATION_LEVELS = ['none', 'mild', 'moderate', 'severe', 'complete'] as const;
export const WORK_STATUSES = ['employed', 'self_employed', 'unemployed', 'not_working'] as const;

/**
 * Under 16 a person is assessed as a child (PISTS § 2 lg 2); from the old-age pension age on,
 * as a pension-age person. The pension age is 65 for people born in 1961 and later (RPKS § 7;
 * from 2027 it follows life expectancy, so it is a named constant to change, not a rule).
 */
export const CHILD_UNTIL_AGE = 16;
export const PENSION_AGE_YEARS = 65;

function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The applicant's group on a date, from the birth date in the personal code; null for an invalid code. */
export function applicantGroupOf(personalCode: string, onDate: string): ApplicantGroup | null {
  const parsed = parsePersonalCode(personalCode);
  if (!parsed.ok) return null;
  const age = ageOn(parsed.value.birthDate, onDate);
  if (age < CHILD_UNTIL_AGE) return 'child';
  return age >= PENSION_AGE_YEARS ? 'pension_age' : 'working_age';
}

const SAFE = /^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/;
const plain = (max: number) => z.string().trim().max(max, 'errors.tooLong').regex(SAFE, 'errors.badChars');
const required = (max: number) => plain(max).min(1, 'errors.required');
const name = (max = 100) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .regex(/^(\p{L}[\p{L}\p{M} '’.-]*)?$/u, 'errors.badChars');
const personalCode = z
  .string()
  .trim()
  .refine((v) => parsePersonalCode(v).ok, { message: 'errors.personalCode' });
const optionalEmail = z.union([z.literal(''), z.email('errors.email')]);
const phone = z
  .string()
  .trim()
  .regex(/^(\+?[0-9 ]{5,20})?$/, 'errors.phone');

export const providerSchema = z.object({
  provider: required(200),
  doctor: name(120),
  speciality: plain(120),
});

export const limitationSchema = z
  .object({
    area: z.enum(LIMITATION_AREAS),
    level: z.enum(LIMITATION_LEVELS, 'errors.required'),
    description: plain(2000),
  })
  .refine((v) => v.level === 'none' || v.description.length >= 10, { message: 'errors.limitationDescription', path: ['description'] });

export type AssessmentRules = { today: string };

/**
 * Built per request with today's Tallinn date (as the overpayment form is), so the browser and
 * the server refuse the same expired identity document. The identity document (duty 3.2) is
 * required when the application is handed in at the office: the specialist sees the person and
 * the document. By post or e-mail nobody is seen, and through the e-service the person signed in
 * with an eID, so there it is recorded only when a document was in fact checked (e.g. the
 * applicant came by later); if any of it is given, all of it is checked.
 */
export function assessmentApplicationSchema(rules: AssessmentRules) {
  return z
    .object({
      channel: z.enum(INTAKE_CHANNELS, 'errors.required'),
      receivedOn: z.string().regex(ISO_DATE, 'errors.date'),
      identifiedPerson: z.enum(IDENTIFIED_PERSONS, 'errors.required'),
      ...optionalIdentityDocumentFields(rules.today),
      applicantCode: personalCode,
      applicantGivenName: name().min(1, 'errors.required'),
      applicantFamilyName: name().min(1, 'errors.required'),
      applicantAddress: plain(300),
      applicantPhone: phone,
      applicantEmail: optionalEmail,
      hasRepresentative: z.boolean(),
      representativeName: name(200),
      representativeCode: z.string().trim(),
      representativeBasis: z.union([z.literal(''), z.enum(REPRESENTATIVE_BASES)]),
      representativeBasisNote: plain(300),
      kind: z.enum(ASSESSMENT_KINDS, 'errors.required'),
      providers: z.array(providerSchema).min(1, 'errors.assessmentProviders').max(10, 'errors.tooMany'),
      limitations: z.array(limitationSchema).length(LIMITATION_AREAS.length, 'errors.required'),
      workStatus: z.enum(WORK_STATUSES, 'errors.required'),
      employer: plain(200),
      isStudying: z.boolean(),
      school: plain(200),
      workStudyNote: plain(1000),
      consentHealthData: z.literal(true, 'errors.assessmentConsentHealth'),
      consentJoint: z.boolean(),
      consentTruthful: z.literal(true, 'errors.assessmentConsentTruthful'),
      submissionId: z.uuid(),
    })
    .superRefine((v, ctx) => {
      const need = (ok: boolean, path: (string | number)[], message = 'errors.required') => {
        if (!ok) ctx.addIssue({ code: 'custom', path, message });
      };
      requireIdentityDocument(v, ctx, v.channel === 'in_person');
      need(v.identifiedPerson === 'applicant' || v.hasRepresentative, ['identifiedPerson'], 'errors.identifiedRepresentative');
      if (v.hasRepresentative) {
        need(v.representativeName.length > 0, ['representativeName']);
        need(parsePersonalCode(v.representativeCode).ok, ['representativeCode'], v.representativeCode ? 'errors.personalCode' : 'errors.required');
        need(v.representativeBasis !== '', ['representativeBasis']);
        need(v.representativeCode !== v.applicantCode, ['representativeCode'], 'errors.representativeSelf');
      }
      // A child is represented by a parent or guardian (TsÜS § 8 lg 2).
      if (applicantGroupOf(v.applicantCode, v.receivedOn) === 'child') need(v.hasRepresentative, ['hasRepresentative'], 'errors.childRepresentative');
      // The work-ability assessment is for working-age people only (Töövõimetoetuse seadus § 2).
      if (v.kind === 'disability_and_work_ability') {
        need(applicantGroupOf(v.applicantCode, v.receivedOn) === 'working_age', ['kind'], 'errors.jointWorkingAge');
        need(v.consentJoint, ['consentJoint'], 'errors.assessmentConsentJoint');
      }
      const areas = v.limitations.map((l) => l.area);
      need(
        LIMITATION_AREAS.every((a, i) => areas[i] === a),
        ['limitations'],
        'errors.required',
      );
      need(
        v.limitations.some((l) => l.level !== 'none'),
        ['limitations'],
        'errors.assessmentNoLimitation',
      );
      if (v.workStatus === 'employed' || v.workStatus === 'self_employed') need(v.employer.length > 0, ['employer']);
      if (v.isStudying) need(v.school.length > 0, ['school']);
    });
}

export type AssessmentApplicationInput = z.input<ReturnType<typeof assessmentApplicationSchema>>;
export type AssessmentApplication = z.output<ReturnType<typeof assessmentApplicationSchema>>;
/** What the application's `data` column keeps: the identity check has columns of its own. */
export type StoredAssessmentData = Omit<
  AssessmentApplication,
  'submissionId' | 'identifiedPerson' | 'identityDocumentType' | 'identityDocumentNumber' | 'identityValidUntil'
>;

export const emptyLimitations = () => LIMITATION_AREAS.map((area) => ({ area, level: 'none' as const, description: '' }));
