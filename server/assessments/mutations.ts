import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  assessmentApplications,
  assessmentExports,
  attachments,
  clients,
  documentEvents,
  documents,
  documentTypes,
  identityChecks,
  staff,
  units,
} from '@/db/schema';
import { applicantGroupOf, assessmentApplicationSchema, type AssessmentApplicationInput } from '@/lib/assessment-schema';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { addDays, dueDate, tallinnDate, type DeadlineRule } from '@/server/calendar/working-days';
import { DomainError, isUniqueViolation } from '@/server/errors';
import { loadCalendar } from '@/server/register/calendar';
import type { UploadedFile } from '@/server/files/form-with-files';
import { checkScans, storeScans } from '@/server/register/scans';
import { allocateNumber } from '@/server/register/numbering';
import { visibleDocuments, type RegisterActor } from '@/server/register/visibility';
import type { Tx } from '@/server/tx';
import { assignFairly } from '@/server/workload/assign';
import { buildAssessmentExport, EXPORT_SCHEMA_VERSION } from './export';
import type { RequestContext } from '@/server/observability/context';

/** The register's document type for these applications ("ekspertiisitaotlus"; db/seed/register-data.ts). */
export const ASSESSMENT_TYPE_CODE = 'disability_assessment_application';
/** The authority that assesses work ability since 2017 (Töövõimetoetuse seadus). */
export const WORK_ABILITY_AUTHORITY = 'Eesti Töötukassa';
// A matter for another authority is sent on within 5 working days (MSVS § 6 lg 2).
const OTHER_AUTHORITY_RULE: DeadlineRule = { kind: 'working_days', days: 5 };

async function addEvent(tx: Tx, documentId: string, actorId: string, kind: string, details: Record<string, unknown>) {
  await tx.insert(documentEvents).values({ documentId, actorId, kind, details });
}

/**
 * Duty 3.4: the application is registered in the correspondence register, forwarded to the
 * assessment unit, and its structured data saved, all in one transaction: a failure at any
 * step leaves no number used, no document, no file and no data behind.
 */
export async function registerAssessmentApplication(
  actor: RegisterActor,
  input: AssessmentApplicationInput,
  files: UploadedFile[],
  ctx: RequestContext,
): Promise<{ id: string; documentId: string; number: string }> {
  const role = authorize(actor, 'assessments.intake');
  authorize(actor, 'register.write');
  const now = ctx.now ?? new Date();
  const today = tallinnDate(now);
  const data = assessmentApplicationSchema({ today }).parse(input);
  if (data.receivedOn > today) throw new DomainError('errors.futureDate', 'receivedOn');
  if (data.receivedOn < addDays(today, -366)) throw new DomainError('errors.date', 'receivedOn');
  const group = applicantGroupOf(data.applicantCode, data.receivedOn)!;
  const scans = checkScans(files);
  const joint = data.kind === 'disability_and_work_ability';
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [type] = await tx
        .select()
        .from(documentTypes)
        .where(and(eq(documentTypes.code, ASSESSMENT_TYPE_CODE), eq(documentTypes.isActive, true)));
      if (!type?.defaultUnitCode) throw new DomainError('errors.assessmentNotConfigured');
      const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, type.defaultUnitCode));
      if (!unit) throw new DomainError('errors.assessmentNotConfigured');

      await tx
        .insert(clients)
        .values({ personalCode: data.applicantCode, givenName: data.applicantGivenName, familyName: data.applicantFamilyName })
        .onConflictDoNothing();
      const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.personalCode, data.applicantCode));
      // The applicant identified at the desk: on the client's card too, as the register records it.
      if (data.identityDocumentType !== '' && data.identifiedPerson === 'applicant') {
        await tx.insert(identityChecks).values({
          clientId: client!.id,
          documentType: data.identityDocumentType,
          documentNumber: data.identityDocumentNumber.toUpperCase(),
          validUntil: data.identityValidUntil,
          checkedBy: actor.id,
          checkedAt: now,
        });
      }

      const number = await allocateNumber(tx, type.seriesCode, Number(today.slice(0, 4)));
      const calendar = await loadCalendar(tx);
      const due = type.deadlineKind === 'none' || !type.deadlineDays ? null : dueDate({ kind: type.deadlineKind, days: type.deadlineDays }, today, calendar);
      const authorityDue = joint ? dueDate(OTHER_AUTHORITY_RULE, today, calendar) : null;
      const assignment = await assignFairly(tx, { unitCode: unit.code, registrarId: actor.id }, type.code, now);
      const documentId = randomUUID();
      const title = joint
        ? `${type.nameEt} (ühistaotlus töövõime hindamiseks): ${data.applicantGivenName} ${data.applicantFamilyName}`
        : `${type.nameEt}: ${data.applicantGivenName} ${data.applicantFamilyName}`;
      // Health data: restricted under AvTS § 35 lg 1 p 11 (the type's ground) for 75 years.
      const restrictionUntil = `${Number(today.slice(0, 4)) + 75}${today.slice(4)}`;
      await tx.insert(documents).values({
        id: documentId,
        ...number,
        matterId: documentId,
        typeCode: type.code,
        direction: 'incoming',
        channel: data.channel,
        receivedAt: data.receivedOn === today ? now : tallinnLocalToInstant(`${data.receivedOn}T00:00`)!,
        registeredAt: now,
        clientId: client!.id,
        title: title.slice(0, 500),
        isRestricted: true,
        restrictionGroundCode: type.defaultGroundCode,
        restrictionFrom: today,
        restrictionUntil,
        unitCode: unit.code,
        assigneeId: assignment?.assigneeId ?? null,
        substituteForId: assignment?.substituteForId ?? null,
        deadlineKind: type.deadlineKind,
        dueDate: due,
        createdBy: actor.id,
        submissionId: data.submissionId,
      });
      await storeScans(tx, actor, documentId, scans);
      await addEvent(tx, documentId, actor.id, 'registered', { number: number.number, dueDate: due, unit: actor.unitCode, files: scans.length });
      await addEvent(tx, documentId, actor.id, 'forwarded', {
        fromUnit: actor.unitCode,
        toUnit: unit.code,
        toAssignee: assignment?.assigneeId ?? null,
        ...assignment?.details,
      });
      if (joint) await addEvent(tx, documentId, actor.id, 'authority_forwarding_due', { authority: WORK_ABILITY_AUTHORITY, dueDate: authorityDue });

      const { submissionId: _key, identifiedPerson, identityDocumentType, identityDocumentNumber, identityValidUntil, ...stored } = data;
      const identified = identityDocumentType !== '';
      const [application] = await tx
        .insert(assessmentApplications)
        .values({
          documentId,
          applicantCode: data.applicantCode,
          applicantGroup: group,
          kind: data.kind,
          data: stored,
          identifiedPerson: identified ? identifiedPerson : null,
          identityDocumentType: identified ? identityDocumentType : null,
          identityDocumentNumber: identified ? identityDocumentNumber.toUpperCase() : null,
          identityValidUntil: identified ? identityValidUntil : null,
          otherAuthority: joint ? WORK_ABILITY_AUTHORITY : null,
          otherAuthorityDueDate: authorityDue,
          createdBy: actor.id,
          createdAt: now,
          submissionId: data.submissionId,
        })
        .returning({ id: assessmentApplications.id });
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'assessment.register',
        entityType: 'assessment_application',
        entityId: application!.id,
        subjectCode: data.applicantCode,
        purpose: 'ekspertiisitaotluse vastuvõtmine',
        requestId: ctx.requestId,
        details: {
          document: documentId,
          number: number.number,
          kind: data.kind,
          toUnit: unit.code,
          otherAuthorityDue: authorityDue,
          identified: identified ? identifiedPerson : null,
          files: scans.map((s) => s.sha256),
        },
      });
      return { id: application!.id, documentId, number: number.number };
    });
  } catch (error) {
    // The same form sent twice (a double click, a retried request): the first registration stands.
    if (isUniqueViolation(error, 'documents_submission_id_unique') || isUniqueViolation(error, 'assessment_applications_submission_id_unique')) {
      const [existing] = await db
        .select({ id: assessmentApplications.id, documentId: documents.id, number: documents.number })
        .from(assessmentApplications)
        .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
        .where(and(eq(assessmentApplications.submissionId, data.submissionId), eq(assessmentApplications.createdBy, actor.id)));
      if (existing) return existing;
    }
    throw error;
  }
}

/** Who may open an application: the person who took it, and whoever may see its register document. */
export const applicationScope = (actor: RegisterActor) => {
  const visible = visibleDocuments(actor);
  return visible ? or(eq(assessmentApplications.createdBy, actor.id), visible)! : undefined;
};

/**
 * The JSON for the assessment information system. Every export is recorded: an export row
 * (who, when, which schema, the file's hash) and an audit row naming the applicant and why.
 */
export async function exportAssessmentApplication(
  actor: RegisterActor,
  applicationId: string,
  ctx: RequestContext,
): Promise<{ json: string; fileName: string } | null> {
  const role = authorize(actor, 'assessments.export');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ application: assessmentApplications, document: documents })
      .from(assessmentApplications)
      .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
      .where(and(eq(assessmentApplications.id, applicationId), applicationScope(actor)));
    if (!row) return null;
    const files = await tx
      .select({ fileName: attachments.fileName, mimeType: attachments.mimeType, size: attachments.size, sha256: attachments.sha256 })
      .from(attachments)
      .where(eq(attachments.documentId, row.document.id))
      .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
    const [me] = await tx.select({ code: staff.personalCode }).from(staff).where(eq(staff.id, actor.id));
    const exportedAt = ctx.now ?? new Date();
    const json = JSON.stringify(
      buildAssessmentExport({
        application: row.application,
        document: row.document,
        attachments: files,
        exportedAt,
        exportedBy: me?.code ?? actor.personalCode,
      }),
      null,
      2,
    );
    const sha256 = createHash('sha256').update(json).digest('hex');
    const [exported] = await tx
      .insert(assessmentExports)
      .values({ applicationId: row.application.id, exportedBy: actor.id, exportedAt, schemaVersion: EXPORT_SCHEMA_VERSION, sha256 })
      .returning({ id: assessmentExports.id });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'assessment.export',
      entityType: 'assessment_application',
      entityId: row.application.id,
      subjectCode: row.application.applicantCode,
      purpose: 'ekspertiisi infosüsteemi (SKAIS-AE) sisestamine',
      requestId: ctx.requestId,
      details: { export: exported!.id, schemaVersion: EXPORT_SCHEMA_VERSION, sha256, number: row.document.number },
    });
    return { json, fileName: `ekspertiisitaotlus-${row.document.number.replace(/[^0-9A-Za-z-]+/g, '-')}.json` };
  });
}

/**
 * The joint application has been sent on to the Unemployment Insurance Fund (by the
 * document exchange or by post): recorded once, on the application and in the register
 * document's history, with whether the 5-working-day deadline was kept.
 */
export async function markForwardedToAuthority(actor: RegisterActor, input: { id: string }, ctx: RequestContext): Promise<{ onTime: boolean }> {
  const role = authorize(actor, 'assessments.intake');
  authorize(actor, 'register.write');
  const now = ctx.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [app] = await tx
      .select({ application: assessmentApplications })
      .from(assessmentApplications)
      .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
      .where(and(eq(assessmentApplications.id, input.id), applicationScope(actor)))
      .for('update', { of: assessmentApplications });
    if (!app) throw new DomainError('errors.notFound');
    const a = app.application;
    if (!a.otherAuthority || !a.otherAuthorityDueDate) throw new DomainError('errors.noAuthorityForwarding');
    const onTime = tallinnDate(a.otherAuthorityForwardedAt ?? now) <= a.otherAuthorityDueDate;
    if (a.otherAuthorityForwardedAt) return { onTime };
    await tx
      .update(assessmentApplications)
      .set({ otherAuthorityForwardedAt: now, otherAuthorityForwardedBy: actor.id })
      .where(eq(assessmentApplications.id, a.id));
    await addEvent(tx, a.documentId, actor.id, 'forwarded_to_authority', {
      authority: a.otherAuthority,
      dueDate: a.otherAuthorityDueDate,
      senderInformed: true,
    });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'assessment.forward_authority',
      entityType: 'assessment_application',
      entityId: a.id,
      subjectCode: a.applicantCode,
      requestId: ctx.requestId,
      details: { authority: a.otherAuthority, dueDate: a.otherAuthorityDueDate, onTime },
    });
    return { onTime };
  });
}
