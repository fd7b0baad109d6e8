import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { autoAssignRules, documentTypes, regions, staff, units } from '@/db/schema';
import type { Locale } from '@/lib/i18n';
import { autoAssignSchema, type AutoAssignInput } from '@/lib/workload-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, can, type Actor } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';

// Fair distribution settings: per unit, region and incoming document type. The national units
// have a manager in each region, so a manager keeps their own unit's rules in their own region
// only; an administrator any unit's in any region.

export type DistributionActor = Actor & { unitCode: string; regionCode: string };

const lastAssignee = alias(staff, 'last_assignee');

const configuresAny = (actor: DistributionActor) => can(actor, 'distribution.configure_any_unit');

/** The unit and region pairs the actor keeps rules for: where the unit has people. */
export async function listDistribution(actor: DistributionActor, locale: Locale = 'et') {
  const en = locale === 'en';
  authorize(actor, 'distribution.configure');
  const db = await getDb();
  const own = configuresAny(actor) ? undefined : and(eq(staff.unitCode, actor.unitCode), eq(staff.regionCode, actor.regionCode));
  const [scopes, types, rules] = await Promise.all([
    db
      .select({
        unitCode: staff.unitCode,
        unitName: en ? units.nameEn : units.nameEt,
        regionCode: staff.regionCode,
        regionName: en ? regions.nameEn : regions.nameEt,
        members: sql<number>`(count(*) filter (where ${staff.isActive} and 'specialist' = any(${staff.roles})))::int`,
      })
      .from(staff)
      .innerJoin(units, eq(units.code, staff.unitCode))
      .innerJoin(regions, eq(regions.code, staff.regionCode))
      .where(own)
      .groupBy(staff.unitCode, units.nameEt, units.nameEn, staff.regionCode, regions.nameEt, regions.nameEn)
      .orderBy(asc(en ? units.nameEn : units.nameEt), asc(en ? regions.nameEn : regions.nameEt)),
    db
      .select({ code: documentTypes.code, name: en ? documentTypes.nameEn : documentTypes.nameEt })
      .from(documentTypes)
      .where(and(eq(documentTypes.direction, 'incoming'), eq(documentTypes.isActive, true)))
      .orderBy(asc(documentTypes.sortOrder), asc(documentTypes.nameEt)),
    db
      .select({
        unitCode: autoAssignRules.unitCode,
        regionCode: autoAssignRules.regionCode,
        typeCode: autoAssignRules.typeCode,
        enabled: autoAssignRules.enabled,
        lastAssigneeName: sql<string | null>`${lastAssignee.givenName} || ' ' || ${lastAssignee.familyName}`,
      })
      .from(autoAssignRules)
      .leftJoin(lastAssignee, eq(lastAssignee.id, autoAssignRules.lastAssigneeId))
      .where(configuresAny(actor) ? undefined : and(eq(autoAssignRules.unitCode, actor.unitCode), eq(autoAssignRules.regionCode, actor.regionCode))),
  ]);
  const byKey = new Map(rules.map((r) => [`${r.unitCode}|${r.regionCode}|${r.typeCode}`, r]));
  return scopes.map((scope) => ({
    code: scope.unitCode,
    name: scope.unitName,
    regionCode: scope.regionCode,
    regionName: scope.regionName,
    members: Number(scope.members),
    types: types.map((t) => {
      const rule = byKey.get(`${scope.unitCode}|${scope.regionCode}|${t.code}`);
      return { code: t.code, name: t.name, enabled: rule?.enabled ?? false, lastAssigneeName: rule?.lastAssigneeName ?? null };
    }),
  }));
}

export async function setAutoAssign(actor: DistributionActor, input: AutoAssignInput, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'distribution.configure');
  const data = autoAssignSchema.parse(input);
  if (!can(actor, 'distribution.configure_any_unit') && (data.unitCode !== actor.unitCode || data.regionCode !== actor.regionCode))
    throw new DomainError('errors.distributionUnit');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, data.unitCode));
    const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, data.regionCode));
    const [type] = await tx
      .select({ code: documentTypes.code })
      .from(documentTypes)
      .where(and(eq(documentTypes.code, data.typeCode), eq(documentTypes.direction, 'incoming')));
    if (!unit || !region || !type) throw new DomainError('errors.unknownReference');
    await tx
      .insert(autoAssignRules)
      .values({ unitCode: data.unitCode, regionCode: data.regionCode, typeCode: data.typeCode, enabled: data.enabled, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [autoAssignRules.unitCode, autoAssignRules.regionCode, autoAssignRules.typeCode],
        set: { enabled: data.enabled, updatedBy: actor.id, updatedAt: sql`now()` },
      });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'distribution.set',
      entityType: 'auto_assign_rule',
      entityId: `${data.unitCode}/${data.regionCode}/${data.typeCode}`,
      requestId: ctx.requestId,
      details: { enabled: data.enabled },
    });
  });
}
