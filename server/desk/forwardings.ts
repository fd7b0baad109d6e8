import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { assessmentApplications, documents } from '@/db/schema';
import { applicationScope } from '@/server/assessments/mutations';
import { can } from '@/server/auth/policy';
import { daysLeft, LIMIT, type DeskItem, type DeskReader } from './item';

/**
 * Joint assessment applications still to be sent on to the Unemployment Insurance Fund, for
 * whoever may mark them sent: the same people the application list shows them to (the person
 * who took it, the assessment unit, the assignee, managers), by the same rule.
 */
export async function deskForwardings(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db } = reader;
  if (!(can(actor, 'assessments.intake') && can(actor, 'register.write'))) return [];
  const rows = await db
    .select({
      id: assessmentApplications.id,
      number: documents.number,
      title: documents.title,
      dueDate: assessmentApplications.otherAuthorityDueDate,
      authority: assessmentApplications.otherAuthority,
    })
    .from(assessmentApplications)
    .innerJoin(documents, eq(documents.id, assessmentApplications.documentId))
    .where(
      and(
        isNotNull(assessmentApplications.otherAuthorityDueDate),
        isNull(assessmentApplications.otherAuthorityForwardedAt),
        applicationScope({ id: actor.id, personalCode: actor.personalCode, roles: actor.roles, unitCode: actor.unitCode }),
      ),
    )
    .orderBy(asc(assessmentApplications.otherAuthorityDueDate))
    .limit(LIMIT);
  return rows.map((f) => ({
    kind: 'forwarding' as const,
    id: f.id,
    title: f.title,
    reference: f.number,
    href: `/ekspertiisitaotlused/${f.id}`,
    dueDate: f.dueDate,
    daysLeft: daysLeft(reader, f.dueDate),
    substitutingFor: null,
    detail: f.authority,
  }));
}
