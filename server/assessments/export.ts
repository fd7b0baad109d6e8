import type { AssessmentApplicationRow } from '@/db/schema';

// The assessment application as JSON for the assessment information system (SKAIS-AE).
// The shape is documented in docs/schemas/assessment-application.schema.json (and
// docs/assessment-application-export.md); a test validates every export against it, so
// change the schema and its version together with this function.

export const EXPORT_SCHEMA_VERSION = '1.1';
export const EXPORT_SCHEMA_ID = 'https://toolaud.sotsiaalkindlustusamet.ee/schemas/assessment-application-1.1.schema.json';

export type ExportSource = {
  application: AssessmentApplicationRow;
  document: { number: string; registeredAt: Date; receivedAt: Date; channel: string; unitCode: string; dueDate: string | null };
  attachments: { fileName: string; mimeType: string; size: number; sha256: string }[];
  exportedAt: Date;
  exportedBy: string;
};

export function buildAssessmentExport({ application, document, attachments, exportedAt, exportedBy }: ExportSource) {
  const d = application.data;
  return {
    $schema: EXPORT_SCHEMA_ID,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    exportedBy,
    registration: {
      number: document.number,
      registeredAt: document.registeredAt.toISOString(),
      receivedOn: d.receivedOn,
      channel: d.channel,
      unit: document.unitCode,
      dueDate: document.dueDate,
    },
    applicant: {
      personalCode: application.applicantCode,
      givenName: d.applicantGivenName,
      familyName: d.applicantFamilyName,
      group: application.applicantGroup,
      address: d.applicantAddress || null,
      phone: d.applicantPhone || null,
      email: d.applicantEmail || null,
    },
    representative: d.hasRepresentative
      ? { name: d.representativeName, personalCode: d.representativeCode, basis: d.representativeBasis, basisNote: d.representativeBasisNote || null }
      : null,
    // 1.1: how the person at the desk was identified (null when no document was checked).
    identification:
      application.identifiedPerson && application.identityDocumentType && application.identityDocumentNumber && application.identityValidUntil
        ? {
            person: application.identifiedPerson,
            documentType: application.identityDocumentType,
            documentNumber: application.identityDocumentNumber,
            validUntil: application.identityValidUntil,
          }
        : null,
    assessment: {
      kind: application.kind,
      jointWithWorkAbility: application.kind === 'disability_and_work_ability',
      otherAuthority: application.otherAuthority ? { name: application.otherAuthority, dueDate: application.otherAuthorityDueDate } : null,
    },
    healthCareProviders: d.providers.map((p) => ({ provider: p.provider, doctor: p.doctor || null, speciality: p.speciality || null })),
    limitations: d.limitations.map((l) => ({ area: l.area, level: l.level, description: l.description || null })),
    workAndStudy: {
      workStatus: d.workStatus,
      employer: d.employer || null,
      isStudying: d.isStudying,
      school: d.school || null,
      note: d.workStudyNote || null,
    },
    consents: { healthData: d.consentHealthData, jointApplication: d.consentJoint, truthful: d.consentTruthful },
    attachments: attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, size: a.size, sha256: a.sha256 })),
  };
}

export type AssessmentExportJson = ReturnType<typeof buildAssessmentExport>;
