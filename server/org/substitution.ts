import { and, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { absences, staff } from '@/db/schema';
import { addDays, tallinnDate, type IsoDate } from '@/server/calendar/working-days';
import type { Queryable } from '@/server/tx';

// Substitution during absences (job description 1.4, 1.5), decided here and nowhere else.
// Everything that gives a person work asks `effectiveAssignee`: new tasks, register
// documents registered or forwarded to someone, incidents routed to a regional manager.
// Everything that lists a person's work asks `heldFor`, so the absent person's open tasks
// and documents also show in their substitute's lists.
//
// The rules:
// - An absence is whole Tallinn days, first and last included: it starts at 00:00 and
//   ends at 24:00 Europe/Tallinn, whatever the server's clock zone.
// - While A is absent, A's work goes to A's substitute B; if B is absent too, to B's
//   substitute C, and so on (A → B → C).
// - A chain that comes back to someone already in it, or ends at an absence without a
//   substitute or at someone who has left, finds nobody: then the work goes to A's manager
//   (or the manager's substitute when the manager is away). With no manager either, it
//   stays with A, so it never has no owner.
// - Saving an absence that would close a circle (A → B while B → A) is refused.

export type AbsenceSpan = { staffId: string; startsOn: IsoDate; endsOn: IsoDate; substituteId: string | null };
export type PersonInfo = { id: string; managerId: string | null; isActive: boolean };

export type Resolution = {
  /** Who holds the work. */
  assigneeId: string;
  /** self: the person is present; substitute: a substitute holds it; manager: nobody in the chain could. */
  via: 'self' | 'substitute' | 'manager';
  /** The people passed through, from the person asked for to the one who holds the work. */
  chain: string[];
  /** The person asked for, when someone else holds their work. */
  forId: string | null;
};

/** The absences running on a Tallinn day, by absent person → their substitute (or null). */
export function absencesOn(spans: readonly AbsenceSpan[], day: IsoDate): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const a of spans) if (a.startsOn <= day && day <= a.endsOn) map.set(a.staffId, a.substituteId);
  return map;
}

/** Who holds `staffId`'s work on a day, given that day's absences and what is known of the people. */
export function resolveAssignee(staffId: string, absent: ReadonlyMap<string, string | null>, people: ReadonlyMap<string, PersonInfo>): Resolution {
  const available = (id: string) => {
    const person = people.get(id);
    return !!person && person.isActive && !absent.has(id);
  };
  const visited: string[] = [];
  const follow = (start: string): string | null => {
    for (let current: string | null = start; current; current = absent.get(current) ?? null) {
      if (visited.includes(current)) return null; // a circle: nobody in it is here
      visited.push(current);
      if (available(current)) return current;
    }
    return null;
  };
  const holder = follow(staffId);
  if (holder === staffId) return { assigneeId: staffId, via: 'self', chain: [staffId], forId: null };
  if (holder) return { assigneeId: holder, via: 'substitute', chain: [...visited], forId: staffId };
  const managerId = people.get(staffId)?.managerId ?? null;
  if (!managerId) return { assigneeId: staffId, via: 'self', chain: [staffId], forId: null };
  const chainToManager = visited.length;
  const managersHolder = visited.includes(managerId) ? null : follow(managerId);
  // Somebody must hold the work: the manager even when away, when their chain finds nobody.
  const assigneeId = managersHolder ?? (people.get(managerId)?.isActive ? managerId : staffId);
  if (assigneeId === staffId) return { assigneeId, via: 'self', chain: [staffId], forId: null };
  const chain = managersHolder ? visited : [...visited.slice(0, chainToManager), managerId];
  return { assigneeId, via: 'manager', chain, forId: staffId };
}

/** Who holds `staffId`'s work at an instant: the absences of that instant's Tallinn day apply. */
export function holderAt(staffId: string, at: Date, spans: readonly AbsenceSpan[], people: ReadonlyMap<string, PersonInfo>): Resolution {
  return resolveAssignee(staffId, absencesOn(spans, tallinnDate(at)), people);
}

/**
 * The circle an absence would close, or null. Chains change only where some absence starts
 * or ends, so it is enough to look at the new absence's first day and at each such day
 * inside its period. Returns the people around the circle, starting and ending with the
 * absent person (A → B → A).
 */
export function findCycle(proposed: AbsenceSpan, others: readonly AbsenceSpan[]): string[] | null {
  if (!proposed.substituteId) return null;
  const all = [...others.filter((a) => a.staffId !== proposed.staffId || a.endsOn < proposed.startsOn || a.startsOn > proposed.endsOn), proposed];
  const days = new Set<IsoDate>([proposed.startsOn]);
  for (const a of others) {
    for (const d of [a.startsOn, addDays(a.endsOn, 1)]) if (d > proposed.startsOn && d <= proposed.endsOn) days.add(d);
  }
  for (const day of [...days].sort()) {
    const absent = absencesOn(all, day);
    const chain = [proposed.staffId];
    for (let current: string | null = proposed.substituteId; current; current = absent.get(current) ?? null) {
      if (current === proposed.staffId) return [...chain, current];
      if (chain.includes(current)) break;
      chain.push(current);
      if (!absent.has(current)) break; // present that day: the chain ends with them
    }
  }
  return null;
}

// ---- database side ---------------------------------------------------------------------

async function absenceSpansOn(db: Queryable, day: IsoDate): Promise<AbsenceSpan[]> {
  return db
    .select({ staffId: absences.staffId, startsOn: absences.startsOn, endsOn: absences.endsOn, substituteId: absences.substituteId })
    .from(absences)
    .where(and(isNull(absences.cancelledAt), lte(absences.startsOn, day), gte(absences.endsOn, day)));
}

/** The people named, and their managers: enough to follow any chain among them. */
async function peopleAround(db: Queryable, ids: readonly string[]): Promise<Map<string, PersonInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: staff.id, managerId: staff.managerId, isActive: staff.isActive })
    .from(staff)
    .where(
      or(
        inArray(staff.id, unique),
        inArray(
          staff.id,
          db
            .select({ id: sql<string>`${staff.managerId}` })
            .from(staff)
            .where(inArray(staff.id, unique)),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** One day's absences and the people they involve, to resolve many people at once. */
export async function substitutionDay(db: Queryable, at: Date, extraIds: readonly string[] = []) {
  const day = tallinnDate(at);
  const spans = await absenceSpansOn(db, day);
  const absent = absencesOn(spans, day);
  const people = await peopleAround(db, [...extraIds, ...absent.keys(), ...[...absent.values()].filter((v): v is string => !!v)]);
  return {
    day,
    absent,
    resolve: (staffId: string) => resolveAssignee(staffId, absent, people),
  };
}

/** Who should get work meant for `staffId` at the instant `at`. */
export async function effectiveAssignee(db: Queryable, staffId: string, at: Date = new Date()): Promise<Resolution> {
  return (await substitutionDay(db, at, [staffId])).resolve(staffId);
}

/**
 * The people whose work `staffId` holds at `at`: absent people whose chain (or manager
 * fallback) ends at them. Their open tasks and documents belong in this person's lists.
 */
export async function heldFor(db: Queryable, staffId: string, at: Date = new Date()): Promise<string[]> {
  const day = await substitutionDay(db, at);
  return [...day.absent.keys()].filter((id) => id !== staffId && day.resolve(id).assigneeId === staffId);
}

/** Whether each person is absent on the Tallinn day of `at`. */
export async function absentAmong(db: Queryable, ids: readonly string[], at: Date = new Date()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const day = tallinnDate(at);
  const rows = await db
    .select({ staffId: absences.staffId })
    .from(absences)
    .where(and(isNull(absences.cancelledAt), lte(absences.startsOn, day), gte(absences.endsOn, day), inArray(absences.staffId, [...ids])));
  return new Set(rows.map((r) => r.staffId));
}

/** Every absence that overlaps a period (for the cycle check when one is saved). */
export async function absencesOverlapping(db: Queryable, startsOn: IsoDate, endsOn: IsoDate, exceptId?: string): Promise<AbsenceSpan[]> {
  return db
    .select({ staffId: absences.staffId, startsOn: absences.startsOn, endsOn: absences.endsOn, substituteId: absences.substituteId })
    .from(absences)
    .where(
      and(
        isNull(absences.cancelledAt),
        lte(absences.startsOn, endsOn),
        gte(absences.endsOn, startsOn),
        exceptId ? sql`${absences.id} <> ${exceptId}` : undefined,
      ),
    );
}

/** The label work carries when a substitute holds it: "asendamine (Mari Tamm)". */
export function substitutionNote(forName: string): string {
  return `asendamine (${forName})`;
}
