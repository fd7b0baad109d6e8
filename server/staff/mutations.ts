import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Tx } from '@/server/tx';
import { offices, regions, sessions, staff, units } from '@/db/schema';
import { staffInputSchema, staffUpdateSchema, type StaffData, type StaffInput, type StaffUpdateInput } from '@/lib/staff-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, type Actor } from '@/server/auth/policy';
import { assertUnchanged } from '@/server/record-version';
import { DomainError, isUniqueViolation } from '@/server/errors';
import type { RequestContext } from '@/server/observability/context';

async function checkReferences(tx: Tx, data: StaffData, selfId?: string) {
  if (selfId && data.managerId === selfId) throw new DomainError('errors.selfManager', 'managerId');
  const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, data.unitCode));
  if (!unit) throw new DomainError('errors.unknownReference', 'unitCode');
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, data.regionCode));
  if (!region) throw new DomainError('errors.unknownReference', 'regionCode');
  if (data.officeCode) {
    const [office] = await tx.select({ code: offices.code }).from(offices).where(eq(offices.code, data.officeCode));
    if (!office) throw new DomainError('errors.unknownReference', 'officeCode');
  }
  if (data.managerId) {
    const [manager] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, data.managerId));
    if (!manager) throw new DomainError('errors.unknownReference', 'managerId');
  }
}

function translateUnique(error: unknown): never {
  if (isUniqueViolation(error, 'staff_personal_code_unique')) throw new DomainError('errors.duplicatePersonalCode', 'personalCode');
  if (isUniqueViolation(error, 'staff_email_unique')) throw new DomainError('errors.duplicateEmail', 'email');
  throw error;
}

const toColumns = (data: StaffData) => ({ ...data, phone: data.phone || null, title: data.title || null, titleEn: data.titleEn || null });

export async function createStaff(actor: Actor, input: StaffInput, ctx: RequestContext): Promise<{ id: string }> {
  const role = authorize(actor, 'staff.manage');
  const data = staffInputSchema.parse(input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      await checkReferences(tx, data);
      const [row] = await tx.insert(staff).values(toColumns(data)).returning({ id: staff.id });
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'staff.create',
        entityType: 'staff',
        entityId: row!.id,
        subjectCode: data.personalCode,
        requestId: ctx.requestId,
        details: { roles: data.roles, unit: data.unitCode, office: data.officeCode },
      });
      return { id: row!.id };
    });
  } catch (error) {
    translateUnique(error);
  }
}

export async function updateStaff(actor: Actor, input: StaffUpdateInput, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'staff.manage');
  const { id, version, ...rest } = staffUpdateSchema.parse(input);
  const data = rest as StaffData;
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(staff).where(eq(staff.id, id)).for('update');
      if (!before) throw new DomainError('errors.notFound');
      assertUnchanged(before, version);
      await checkReferences(tx, data, id);
      await tx
        .update(staff)
        .set({ ...toColumns(data), updatedAt: sql`now()` })
        .where(eq(staff.id, id));
      const changed = Object.keys(data).filter(
        (key) => JSON.stringify((before as Record<string, unknown>)[key] ?? null) !== JSON.stringify((toColumns(data) as Record<string, unknown>)[key] ?? null),
      );
      // A person whose roles were reduced must not keep acting with the old ones.
      if (changed.includes('roles') || changed.includes('personalCode')) await tx.delete(sessions).where(eq(sessions.staffId, id));
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'staff.update',
        entityType: 'staff',
        entityId: id,
        subjectCode: data.personalCode,
        requestId: ctx.requestId,
        details: { changed, roles: data.roles },
      });
    });
  } catch (error) {
    translateUnique(error);
  }
}

/** Deactivation ends every session of the person in the same transaction. */
export async function setStaffActive(actor: Actor, input: { id: string; active: boolean }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'staff.manage');
  if (input.id === actor.id && !input.active) throw new DomainError('errors.selfDeactivate');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [person] = await tx.select().from(staff).where(eq(staff.id, input.id)).for('update');
    if (!person) throw new DomainError('errors.notFound');
    if (person.isActive === input.active) return;
    await tx
      .update(staff)
      .set({ isActive: input.active, deactivatedAt: input.active ? null : sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(staff.id, input.id)));
    const ended = input.active ? [] : await tx.delete(sessions).where(eq(sessions.staffId, input.id)).returning({ t: sessions.tokenHash });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: input.active ? 'staff.activate' : 'staff.deactivate',
      entityType: 'staff',
      entityId: input.id,
      subjectCode: person.personalCode,
      requestId: ctx.requestId,
      details: input.active ? null : { sessionsEnded: ended.length },
    });
  });
}
