import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { incidents, offices } from '@/db/schema';
import { OPEN_STATUSES as OPEN_INCIDENT_STATUSES, type IncidentCategory } from '@/lib/incident-schema';
import { can } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { officeNameIn } from '@/server/org/office-name';
import { daysLeft, LIMIT, type DeskItem, type DeskReader } from './item';

/**
 * Incidents: the person's own (reported or to resolve) and, for IT support, the IT queue's
 * tickets nobody has taken yet.
 */
export async function deskIncidents(reader: DeskReader): Promise<DeskItem[]> {
  const { actor, db } = reader;
  const rows = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      category: incidents.category,
      place: incidents.place,
      description: sql<string>`left(${incidents.description}, 200)`,
      assetTag: incidents.assetTag,
      officeName: officeNameIn(reader.locale),
      resolutionDueAt: incidents.resolutionDueAt,
      reporterId: incidents.reporterId,
      assigneeId: incidents.assigneeId,
    })
    .from(incidents)
    .innerJoin(offices, eq(offices.code, incidents.officeCode))
    .where(
      and(
        or(
          eq(incidents.reporterId, actor.id),
          eq(incidents.assigneeId, actor.id),
          can(actor, 'incidents.read_all') ? and(eq(incidents.queue, 'it_support'), isNull(incidents.assigneeId)) : undefined,
        ),
        inArray(incidents.status, [...OPEN_INCIDENT_STATUSES]),
      ),
    )
    .orderBy(asc(incidents.resolutionDueAt))
    .limit(LIMIT);
  return rows.map((i) => {
    const due = tallinnDate(i.resolutionDueAt);
    const mine = i.assigneeId === actor.id || i.reporterId === actor.id;
    return {
      kind: mine ? ('incident' as const) : ('incident_queue' as const),
      id: i.id,
      title: firstWords(i.description),
      reference: i.number,
      href: `/intsidendid/${i.number}`,
      dueDate: due,
      daysLeft: daysLeft(reader, due),
      substitutingFor: null,
      detail: i.assigneeId === actor.id ? 'assigned' : i.reporterId === actor.id ? 'reported' : null,
      incidentCategory: i.category as IncidentCategory,
      where: [i.assetTag, `${i.officeName}, ${i.place}`].filter(Boolean).join(' · '),
    };
  });
}

/** The first words of a description, enough to tell one ticket from another in a list. */
export function firstWords(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}
