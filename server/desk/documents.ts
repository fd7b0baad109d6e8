import { and, eq, inArray, sql } from 'drizzle-orm';
import { documents } from '@/db/schema';
import { can } from '@/server/auth/policy';
import { visibleDocuments } from '@/server/register/visibility';
import { absentee, daysLeft, holder, LIMIT, personName, substituting, type DeskItem, type DeskReader } from './item';

const OPEN_DOCUMENTS = ['registered', 'in_progress', 'waiting_for_client'] as const;

/** The register's open documents assigned to the person or to someone they stand in for, as the register shows them. */
export async function deskDocuments(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db, held } = reader;
  if (!can(actor, 'register.read')) return [];
  const rows = await db
    .select({
      id: documents.id,
      number: documents.number,
      title: documents.title,
      dueDate: documents.dueDate,
      assigneeId: documents.assigneeId,
      assigneeName: personName(holder),
      forName: personName(absentee),
    })
    .from(documents)
    .leftJoin(holder, eq(holder.id, documents.assigneeId))
    .leftJoin(absentee, eq(absentee.id, documents.substituteForId))
    .where(
      and(inArray(documents.assigneeId, [actor.id, ...held]), inArray(documents.status, [...OPEN_DOCUMENTS]), visibleDocuments({ ...actor, heldFor: held })),
    )
    .orderBy(sql`${documents.dueDate} asc nulls last`)
    .limit(LIMIT);
  return rows.map((d) => ({
    kind: 'document' as const,
    id: d.id,
    title: d.title,
    reference: d.number,
    href: `/dokumendid/${d.id}`,
    dueDate: d.dueDate,
    daysLeft: daysLeft(reader, d.dueDate),
    substitutingFor: substituting(reader, d.assigneeId, d.assigneeName, d.forName),
    detail: null,
  }));
}
