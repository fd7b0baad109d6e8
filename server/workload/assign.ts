import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { autoAssignRules, documents, staff } from '@/db/schema';
import { absentAmong, effectiveAssignee, substitutionNote } from '@/server/org/substitution';
import type { Tx } from '@/server/tx';
import { chooseFairly } from './fair';

// Who gets a register document: the register's mutations call these two, and nothing else
// here knows about the register's forms.

const OPEN = ['registered', 'in_progress', 'waiting_for_client'] as const;

export type DocumentAssignment = {
  assigneeId: string | null;
  /** The person chosen, when they were absent and their substitute got it instead. */
  substituteForId: string | null;
  /** For the document's history (labelled keys are shown on the card). */
  details: Record<string, unknown>;
};

const nameOf = async (tx: Tx, id: string) => {
  const [row] = await tx.select({ given: staff.givenName, family: staff.familyName }).from(staff).where(eq(staff.id, id));
  return row ? `${row.given} ${row.family}` : id;
};

/** A document given to a person: to them, or while they are away to whoever holds their work. */
export async function assignToPerson(tx: Tx, chosenId: string, at: Date): Promise<DocumentAssignment> {
  const holder = await effectiveAssignee(tx, chosenId, at);
  if (!holder.forId) return { assigneeId: chosenId, substituteForId: null, details: {} };
  return {
    assigneeId: holder.assigneeId,
    substituteForId: chosenId,
    details: {
      substituteFor: chosenId,
      substitution: substitutionNote(await nameOf(tx, chosenId)),
      substitutionChain: holder.chain,
      substitutionVia: holder.via,
    },
  };
}

/**
 * Fair distribution, when the unit's manager in the region has turned it on for the type: the
 * present (not absent) specialist of the unit in that region with the fewest open documents,
 * ties round-robin. Null when it is off. The region is where the document was registered (the
 * registrar's, from the staff register): a letter registered in Tallinn goes to a specialist in
 * Põhja, never in Narva. The rule row is locked, so concurrent registrations take turns and see
 * each other's choices.
 */
export async function assignFairly(tx: Tx, scope: { unitCode: string; registrarId: string }, typeCode: string, at: Date): Promise<DocumentAssignment | null> {
  const { unitCode } = scope;
  const [registrar] = await tx.select({ regionCode: staff.regionCode }).from(staff).where(eq(staff.id, scope.registrarId));
  if (!registrar) return null;
  const { regionCode } = registrar;
  const ofRule = and(eq(autoAssignRules.unitCode, unitCode), eq(autoAssignRules.regionCode, regionCode), eq(autoAssignRules.typeCode, typeCode));
  const [rule] = await tx
    .select()
    .from(autoAssignRules)
    .where(and(ofRule, eq(autoAssignRules.enabled, true)))
    .for('update');
  if (!rule) return null;
  const members = await tx
    .select({ id: staff.id, given: staff.givenName, family: staff.familyName })
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), eq(staff.regionCode, regionCode), eq(staff.isActive, true), sql`'specialist' = any(${staff.roles})`))
    .orderBy(asc(staff.familyName), asc(staff.givenName), asc(staff.id));
  const absent = await absentAmong(
    tx,
    members.map((m) => m.id),
    at,
  );
  const present = members.filter((m) => !absent.has(m.id));
  const loads = present.length
    ? await tx
        .select({ id: documents.assigneeId, n: count() })
        .from(documents)
        .where(
          and(
            inArray(
              documents.assigneeId,
              present.map((m) => m.id),
            ),
            inArray(documents.status, [...OPEN]),
          ),
        )
        .groupBy(documents.assigneeId)
    : [];
  const open = new Map(loads.map((l) => [l.id!, Number(l.n)]));
  const choice = chooseFairly(
    present.map((m) => ({ id: m.id, open: open.get(m.id) ?? 0 })),
    rule.lastAssigneeId,
  );
  const assignment = {
    rule: 'fewest_open_documents',
    candidates: present.map((m) => ({ id: m.id, open: open.get(m.id) ?? 0 })),
    absent: [...absent],
  };
  if (!choice) {
    return { assigneeId: null, substituteForId: null, details: { autoAssigned: 'kedagi ei olnud kohal; jäi osakonnale', autoAssignment: assignment } };
  }
  await tx.update(autoAssignRules).set({ lastAssigneeId: choice.chosen.id }).where(ofRule);
  const who = present.find((m) => m.id === choice.chosen.id)!;
  const reason = [
    `${who.given} ${who.family}: kõige vähem avatud dokumente (${choice.chosen.open})`,
    choice.tied.length > 1 ? `sama palju oli ${choice.tied.length} inimesel, valiti järjekorras järgmine` : null,
    absent.size ? `eemal ${absent.size}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    assigneeId: choice.chosen.id,
    substituteForId: null,
    details: { autoAssigned: reason, autoAssignment: { ...assignment, chosen: choice.chosen.id, tied: choice.tied.map((t) => t.id) } },
  };
}
