import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { absences, staff } from '@/db/schema';
import { absenceIdSchema, absenceSchema, MAX_ABSENCE_DAYS, type AbsenceInput } from '@/lib/absence-schema';
import { formatDate } from '@/lib/format';
import { appendAudit } from '@/server/audit/record';
import { authorize, can } from '@/server/auth/policy';
import { daysBetween } from '@/server/calendar/working-days';
import { DomainError } from '@/server/errors';
import { notice } from '@/server/notifications/notices';
import { notify } from '@/server/notifications/notify';
import { absencesOverlapping, findCycle } from '@/server/org/substitution';
import { teamCondition, type TeamActor } from '@/server/org/team';
import type { Actor } from '@/server/auth/policy';
import type { Tx } from '@/server/tx';
import type { RequestContext } from '@/server/observability/context';

export type AbsenceActor = Actor & Pick<TeamActor, 'unitCode' | 'regionCode'>;

// Absences are saved one at a time across the whole portal: the circle check reads every
// overlapping absence, and two absences saved at once (A → B and B → A) must not both pass.
const ABSENCE_LOCK = sql`select pg_advisory_xact_lock(7402006)`;

/** Someone whose absence the actor may record: themselves; a manager their team; an administrator anyone. */
async function checkCanRecordFor(tx: Tx, actor: AbsenceActor, staffId: string): Promise<string> {
  if (staffId === actor.id) return authorize(actor, 'absences.record');
  const role = authorize(actor, 'absences.manage');
  const scope = can(actor, 'absences.manage_all') ? undefined : teamCondition(actor);
  const [person] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.isActive, true), scope));
  if (!person) throw new DomainError('errors.absenceOutsideTeam', 'staffId');
  return role;
}

const nameOf = async (tx: Tx, id: string) => {
  const [row] = await tx.select({ given: staff.givenName, family: staff.familyName }).from(staff).where(eq(staff.id, id));
  return row ? `${row.given} ${row.family}` : '';
};

/**
 * Records an absence with its substitute. Refused when it overlaps another absence of the
 * same person, or when its substitute chain would come back to the absent person.
 */
export async function saveAbsence(actor: AbsenceActor, input: AbsenceInput, ctx: RequestContext): Promise<{ id: string }> {
  authorize(actor, 'absences.record');
  const data = absenceSchema.parse(input);
  const staffId = data.staffId || actor.id;
  if (daysBetween('calendar_days', data.startsOn, data.endsOn) + 1 > MAX_ABSENCE_DAYS) throw new DomainError('errors.absenceTooLong', 'endsOn');
  const substituteId = data.substituteId || null;
  if (substituteId === staffId) throw new DomainError('errors.absenceSubstitute', 'substituteId');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const role = await checkCanRecordFor(tx, actor, staffId);
    await tx.execute(ABSENCE_LOCK);
    if (substituteId) {
      const [substitute] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.id, substituteId), eq(staff.isActive, true)));
      if (!substitute) throw new DomainError('errors.absenceSubstitute', 'substituteId');
    }
    const [overlap] = await tx
      .select({ id: absences.id })
      .from(absences)
      .where(and(eq(absences.staffId, staffId), isNull(absences.cancelledAt), lte(absences.startsOn, data.endsOn), gte(absences.endsOn, data.startsOn)));
    if (overlap) throw new DomainError('errors.absenceOverlap', 'startsOn');
    const cycle = findCycle({ staffId, substituteId, startsOn: data.startsOn, endsOn: data.endsOn }, await absencesOverlapping(tx, data.startsOn, data.endsOn));
    if (cycle) {
      const names = await Promise.all(cycle.map((id) => nameOf(tx, id)));
      throw new DomainError('errors.absenceCycle', 'substituteId', { chain: names.join(' → ') });
    }
    const [row] = await tx
      .insert(absences)
      .values({ staffId, kind: data.kind, startsOn: data.startsOn, endsOn: data.endsOn, substituteId, note: data.note || null, createdBy: actor.id })
      .returning({ id: absences.id });
    if (substituteId) {
      const absent = await nameOf(tx, staffId);
      await notify(tx, {
        recipients: [{ staffId: substituteId }],
        notice: notice('absence.substitute', { name: absent, kind: data.kind, from: formatDate(data.startsOn), to: formatDate(data.endsOn) }),
        link: '/puudumised',
      });
    }
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'absence.create',
      entityType: 'absence',
      entityId: row!.id,
      requestId: ctx.requestId,
      details: { staffId, kind: data.kind, startsOn: data.startsOn, endsOn: data.endsOn, substituteId },
    });
    return { id: row!.id };
  });
}

/** Cancels an absence (kept, marked cancelled): the person's own, or their team's / anyone's for managers and admins. */
export async function cancelAbsence(actor: AbsenceActor, input: { id: string }, ctx: RequestContext): Promise<void> {
  authorize(actor, 'absences.record');
  const { id } = absenceIdSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [absence] = await tx
      .select()
      .from(absences)
      .where(and(eq(absences.id, id), isNull(absences.cancelledAt)))
      .for('update');
    if (!absence) throw new DomainError('errors.notFound');
    let role: string;
    try {
      role = await checkCanRecordFor(tx, actor, absence.staffId);
    } catch (error) {
      // Outside a manager's team: as if it did not exist (a specialist is refused outright).
      if (error instanceof DomainError) throw new DomainError('errors.notFound');
      throw error;
    }
    await tx
      .update(absences)
      .set({ cancelledAt: sql`now()`, cancelledBy: actor.id })
      .where(eq(absences.id, id));
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'absence.cancel',
      entityType: 'absence',
      entityId: id,
      requestId: ctx.requestId,
      details: { staffId: absence.staffId, startsOn: absence.startsOn, endsOn: absence.endsOn },
    });
  });
}
