import { aliasedTable, and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assessmentApplications, assessmentExports, attachments, documents, staff, units } from '@/db/schema';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import type { RegisterActor } from '@/server/register/visibility';
import { applicationScope } from './mutations';

const creator = aliasedTable(staff, 'creator');
const exporter = aliasedTable(staff, 'exporter');

/** The applications the actor took or may see in the register, newest first (no health data in the list). */
export async function listAssessmentApplications(actor: RegisterActor, limit = 50) {
  authorize(actor, 'assessments.intake');
  const db = await getDb();
  return db
    .select({
      id: assessmentApplications.id,
      number: documents.number,
      documentId: documents.id,
      createdAt: assessmentApplications.createdAt,
      kind: assessmentApplications.kind,
      applicantGroup: assessmentApplications.applicantGroup,
      otherAuthorityDueDate: assessmentApplications.otherAuthorityDueDate,
      unitName: units.nameEt,
      unitNameEn: units.nameEn,
      createdByName: creator.familyName,
    })
    .from(assessmentApplications)
    .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
    .innerJoin(units, eq(units.code, documents.unitCode))
    .innerJoin(creator, eq(creator.id, assessmentApplications.createdBy))
    .where(applicationScope(actor))
    .orderBy(desc(assessmentApplications.createdAt))
    .limit(limit);
}

/** One application with its health data: opening it is a view of the applicant's personal data, audited. */
export async function getAssessmentApplication(actor: RegisterActor, id: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'assessments.intake');
  const db = await getDb();
  const [row] = await db
    .select({
      application: assessmentApplications,
      number: documents.number,
      documentId: documents.id,
      status: documents.status,
      dueDate: documents.dueDate,
      isRestricted: documents.isRestricted,
      unitCode: documents.unitCode,
      assigneeId: documents.assigneeId,
      unitName: units.nameEt,
      unitNameEn: units.nameEn,
      createdByName: creator.givenName,
      createdByFamily: creator.familyName,
      forwardedByName: sql<
        string | null
      >`(select ${staff.givenName} || ' ' || ${staff.familyName} from ${staff} where ${staff.id} = ${assessmentApplications.otherAuthorityForwardedBy})`,
    })
    .from(assessmentApplications)
    .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
    .innerJoin(units, eq(units.code, documents.unitCode))
    .innerJoin(creator, eq(creator.id, assessmentApplications.createdBy))
    .where(and(eq(assessmentApplications.id, id), applicationScope(actor)));
  if (!row) return null;
  const [files, exports] = await Promise.all([
    db
      .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size })
      .from(attachments)
      .where(eq(attachments.documentId, row.documentId))
      .orderBy(asc(attachments.uploadedAt)),
    db
      .select({ id: assessmentExports.id, exportedAt: assessmentExports.exportedAt, given: exporter.givenName, family: exporter.familyName })
      .from(assessmentExports)
      .innerJoin(exporter, eq(exporter.id, assessmentExports.exportedBy))
      .where(eq(assessmentExports.applicationId, id))
      .orderBy(desc(assessmentExports.exportedAt))
      .limit(20),
  ]);
  await recordAudit(
    {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'assessment.view',
      entityType: 'assessment_application',
      entityId: id,
      subjectCode: row.application.applicantCode,
      purpose: 'ekspertiisitaotluse menetlemine',
      requestId: ctx.requestId,
    },
    db,
  );
  return { ...row, files, exports: exports.map((e) => ({ id: e.id, exportedAt: e.exportedAt, name: `${e.given} ${e.family}` })) };
}
