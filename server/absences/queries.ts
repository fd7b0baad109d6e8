import { and, asc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { absences, staff } from '@/db/schema';
import type { AbsenceKind } from '@/lib/absence-schema';
import { authorize, can } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { heldForNow } from '@/server/org/held-for-now';
import { substitutionDay } from '@/server/org/substitution';
import { teamCondition } from '@/server/org/team';
import type { AbsenceActor } from './mutations';

const person = alias(staff, 'person');
const substitute = alias(staff, 'substitute');

export type AbsenceListItem = {
  id: string;
  staffId: string;
  name: string;
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string;
  substituteId: string | null;
  substituteName: string | null;
  note: string | null;
  isCurrent: boolean;
  canCancel: boolean;
};

async function list(actor: AbsenceActor, where: SQL | undefined): Promise<AbsenceListItem[]> {
  const db = await getDb();
  const today = tallinnDate(new Date());
  const rows = await db
    .select({
      id: absences.id,
      staffId: absences.staffId,
      name: sql<string>`${person.givenName} || ' ' || ${person.familyName}`,
      kind: absences.kind,
      startsOn: absences.startsOn,
      endsOn: absences.endsOn,
      substituteId: absences.substituteId,
      substituteName: sql<string | null>`${substitute.givenName} || ' ' || ${substitute.familyName}`,
      note: absences.note,
      inTeam: sql<boolean>`${teamCondition(actor)}`,
    })
    .from(absences)
    .innerJoin(person, eq(person.id, absences.staffId))
    .innerJoin(staff, eq(staff.id, absences.staffId))
    .leftJoin(substitute, eq(substitute.id, absences.substituteId))
    .where(and(isNull(absences.cancelledAt), where))
    .orderBy(asc(absences.startsOn), asc(person.familyName))
    .limit(500);
  const admin = can(actor, 'absences.manage_all');
  return rows.map(({ inTeam, ...r }) => ({
    ...r,
    isCurrent: r.startsOn <= today && today <= r.endsOn,
    canCancel: r.endsOn >= today && (r.staffId === actor.id || (can(actor, 'absences.manage') && (admin || Boolean(inTeam)))),
  }));
}

/** The person's own absences, from a month back on. */
export async function listMyAbsences(actor: AbsenceActor) {
  authorize(actor, 'absences.record');
  const since = addDays(tallinnDate(new Date()), -30);
  return list(actor, and(eq(absences.staffId, actor.id), gte(absences.endsOn, since)));
}

/** Current and coming absences where the person is named substitute. */
export async function listMySubstitutions(actor: AbsenceActor) {
  authorize(actor, 'absences.record');
  return list(actor, and(eq(absences.substituteId, actor.id), gte(absences.endsOn, tallinnDate(new Date()))));
}

/** Current and coming absences of the team (a manager) or of everyone (an administrator). */
export async function listTeamAbsences(actor: AbsenceActor) {
  authorize(actor, 'absences.manage');
  const scope = can(actor, 'absences.manage_all') ? undefined : teamCondition(actor);
  return list(actor, and(gte(absences.endsOn, tallinnDate(new Date())), scope));
}

/** Whose absence the actor may record, and who can be named substitute. */
export async function absenceFormOptions(actor: AbsenceActor) {
  authorize(actor, 'absences.record');
  const db = await getDb();
  const columns = { id: staff.id, given: staff.givenName, family: staff.familyName };
  const [forWhom, substitutes] = await Promise.all([
    can(actor, 'absences.manage')
      ? db
          .select(columns)
          .from(staff)
          .where(and(eq(staff.isActive, true), can(actor, 'absences.manage_all') ? undefined : or(eq(staff.id, actor.id), teamCondition(actor))))
          .orderBy(asc(staff.familyName), asc(staff.givenName))
      : db.select(columns).from(staff).where(eq(staff.id, actor.id)),
    db.select(columns).from(staff).where(eq(staff.isActive, true)).orderBy(asc(staff.familyName), asc(staff.givenName)).limit(2000),
  ]);
  const option = (r: { id: string; given: string; family: string }) => ({ value: r.id, label: `${r.given} ${r.family}` });
  return { forWhom: forWhom.map(option), substitutes: substitutes.map(option) };
}

/** For the header: the absent people whose work the signed-in person holds today. */
export async function substitutingNow(actor: { id: string }): Promise<string[]> {
  const db = await getDb();
  const ids = await heldForNow(actor.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ given: staff.givenName, family: staff.familyName })
    .from(staff)
    .where(inArray(staff.id, ids))
    .orderBy(asc(staff.familyName), asc(staff.givenName));
  return rows.map((r) => `${r.given} ${r.family}`);
}

/** Who is away today among the given people, with who holds their work. */
export async function absentToday(ids: readonly string[]) {
  const db = await getDb();
  if (ids.length === 0) return [];
  const now = new Date();
  const today = tallinnDate(now);
  const rows = await db
    .select({ staffId: absences.staffId, kind: absences.kind, endsOn: absences.endsOn, substituteId: absences.substituteId })
    .from(absences)
    .where(and(isNull(absences.cancelledAt), sql`${absences.startsOn} <= ${today}`, gte(absences.endsOn, today), inArray(absences.staffId, [...ids])));
  const day = await substitutionDay(db, now, ids);
  const holders = rows.map((r) => ({ ...r, holderId: day.resolve(r.staffId).assigneeId }));
  const nameIds = [...new Set(holders.flatMap((h) => [h.staffId, h.holderId]))];
  const names = nameIds.length
    ? new Map(
        (await db.select({ id: staff.id, given: staff.givenName, family: staff.familyName }).from(staff).where(inArray(staff.id, nameIds))).map((r) => [
          r.id,
          `${r.given} ${r.family}`,
        ]),
      )
    : new Map<string, string>();
  return holders.map((h) => ({
    staffId: h.staffId,
    name: names.get(h.staffId) ?? '',
    kind: h.kind,
    endsOn: h.endsOn,
    holderName: h.holderId === h.staffId ? null : (names.get(h.holderId) ?? null),
  }));
}
