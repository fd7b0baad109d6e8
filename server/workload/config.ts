import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { autoAssignRules, documentTypes, staff, units } from '@/db/schema';
import { autoAssignSchema, type AutoAssignInput } from '@/lib/workload-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, can, type Actor } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';

// Fair distribution settings: per unit and incoming document type. An administrator keeps
// any unit's; a manager their own unit's.

export type DistributionActor = Actor & { unitCode: string };

const lastAssignee = alias(staff, 'last_assignee');

const unitsFor = (actor: DistributionActor) => (can(actor, 'distribution.configure_any_unit') ? undefined : eq(units.code, actor.unitCode));

export async function listDistribution(actor: DistributionActor) {
  authorize(actor, 'distribution.configure');
  const db = await getDb();
  const [unitRows, types, rules] = await Promise.all([
    db.select().from(units).where(unitsFor(actor)).orderBy(asc(units.nameEt)),
    db
      .select({ code: documentTypes.code, name: documentTypes.nameEt })
      .from(documentTypes)
      .where(and(eq(documentTypes.direction, 'incoming'), eq(documentTypes.isActive, true)))
      .orderBy(asc(documentTypes.sortOrder), asc(documentTypes.nameEt)),
    db
      .select({
        unitCode: autoAssignRules.unitCode,
        typeCode: autoAssignRules.typeCode,
        enabled: autoAssignRules.enabled,
        lastAssigneeName: sql<string | null>`${lastAssignee.givenName} || ' ' || ${lastAssignee.familyName}`,
      })
      .from(autoAssignRules)
      .leftJoin(lastAssignee, eq(lastAssignee.id, autoAssignRules.lastAssigneeId)),
  ]);
  const byKey = new Map(rules.map((r) => [`${r.unitCode}|${r.typeCode}`, r]));
  const members = unitRows.length
    ? await db
        .select({ unitCode: staff.unitCode, n: sql<number>`count(*)::int` })
        .from(staff)
        .where(
          and(
            inArray(
              staff.unitCode,
              unitRows.map((u) => u.code),
            ),
            eq(staff.isActive, true),
            sql`'specialist' = any(${staff.roles})`,
          ),
        )
        .groupBy(staff.unitCode)
    : [];
  const memberCount = new Map(members.map((m) => [m.unitCode, Number(m.n)]));
  return unitRows.map((u) => ({
    code: u.code,
    name: u.nameEt,
    members: memberCount.get(u.code) ?? 0,
    types: types.map((t) => {
      const rule = byKey.get(`${u.code}|${t.code}`);
      return { code: t.code, name: t.name, enabled: rule?.enabled ?? false, lastAssigneeName: rule?.lastAssigneeName ?? null };
    }),
  }));
}

export async function setAutoAssign(actor: DistributionActor, input: AutoAssignInput, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'distribution.configure');
  const data = autoAssignSchema.parse(input);
  if (!can(actor, 'distribution.configure_any_unit') && data.unitCode !== actor.unitCode) throw new DomainError('errors.distributionUnit');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, data.unitCode));
    const [type] = await tx
      .select({ code: documentTypes.code })
      .from(documentTypes)
      .where(and(eq(documentTypes.code, data.typeCode), eq(documentTypes.direction, 'incoming')));
    if (!unit || !type) throw new DomainError('errors.unknownReference');
    await tx
      .insert(autoAssignRules)
      .values({ unitCode: data.unitCode, typeCode: data.typeCode, enabled: data.enabled, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [autoAssignRules.unitCode, autoAssignRules.typeCode],
        set: { enabled: data.enabled, updatedBy: actor.id, updatedAt: sql`now()` },
      });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'distribution.set',
      entityType: 'auto_assign_rule',
      entityId: `${data.unitCode}/${data.typeCode}`,
      requestId: ctx.requestId,
      details: { enabled: data.enabled },
    });
  });
}
