import { randomUUID } from 'node:crypto';
import { emptyLimitations, type AssessmentApplicationInput } from '@/lib/assessment-schema';

// A complete, valid assessment application for tests; override what a test is about.
export const codes = {
  workingAge: '48005121236', // born 12.05.1980
  child: '51503010055', // born 01.03.2015
  pensionAge: '35001010070', // born 01.01.1950
  parent: '38502020448', // born 02.02.1985
};

export function application(overrides: Partial<AssessmentApplicationInput> = {}): AssessmentApplicationInput {
  const limitations = emptyLimitations().map((l) =>
    l.area === 'moving' ? { ...l, level: 'moderate' as const, description: 'Kõnnib kepiga, trepist üles ei saa ilma abita.' } : l,
  );
  return {
    channel: 'in_person',
    receivedOn: '2026-11-27',
    identifiedPerson: 'applicant',
    identityDocumentType: 'id_card',
    identityDocumentNumber: 'AB1234567',
    identityValidUntil: '2030-01-01',
    applicantCode: codes.workingAge,
    applicantGivenName: 'Õie-Mall',
    applicantFamilyName: 'Šults',
    applicantAddress: 'Pärnu mnt 10, 10148 Tallinn',
    applicantPhone: '+372 5123 4567',
    applicantEmail: '',
    hasRepresentative: false,
    representativeName: '',
    representativeCode: '',
    representativeBasis: '',
    representativeBasisNote: '',
    kind: 'disability',
    providers: [{ provider: 'Põhja-Eesti Regionaalhaigla', doctor: 'Dr Mari Kask', speciality: 'neuroloog' }],
    limitations,
    workStatus: 'employed',
    employer: 'OÜ Näidis',
    isStudying: false,
    school: '',
    workStudyNote: '',
    consentHealthData: true,
    consentJoint: false,
    consentTruthful: true,
    submissionId: randomUUID(),
    ...overrides,
  };
}

/** A child's application handed in by a parent as representative (spread into `application`). */
export const childByParent = {
  applicantCode: codes.child,
  hasRepresentative: true,
  representativeName: 'Jaan Šults',
  representativeCode: codes.parent,
  representativeBasis: 'parent',
  workStatus: 'not_working',
  employer: '',
} satisfies Partial<AssessmentApplicationInput>;
