// The administration of incident routing rules: adding, changing and deleting the rule that says where a category's tickets go.
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { incidentRoutingRules, regions, staff } from '@/db/schema';
import { incidentIdSchema, routingRuleSchema, type RoutingRuleInput } from '@/lib/incident-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { DomainError, isUniqueViolation } from '@/server/errors';
import type { RequestContext } from '@/server/observability/context';
import type { IncidentActor } from './scope';

/** Adds or changes a routing rule; applies to tickets reported from now on. */
export async function saveRoutingRule(actor: IncidentActor, input: RoutingRuleInput, ctx: RequestContext): Promise<{ id: string }> {
  const role = authorize(actor, 'incidents.rules');
  const data = routingRuleSchema.parse(input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, data.regionCode));
      if (!region) throw new DomainError('errors.unknownReference', 'regionCode');
      if (data.informIds.length) {
        const found = await tx
          .select({ id: staff.id })
          .from(staff)
          .where(sql`${staff.id} = any(${sql.param(data.informIds)}::uuid[])`);
        if (found.length !== new Set(data.informIds).size) throw new DomainError('errors.unknownReference', 'informIds');
      }
      const values = {
        category: data.category,
        regionCode: data.regionCode,
        queue: data.queue,
        mailbox: data.queue === 'mailbox' ? data.mailbox : null,
        queueName: data.queue === 'mailbox' ? data.queueName : null,
        informIds: [...new Set(data.informIds)],
        updatedAt: new Date(),
        updatedBy: actor.personalCode,
      };
      let id = data.id;
      let before: unknown = null;
      if (id) {
        const [old] = await tx.select().from(incidentRoutingRules).where(eq(incidentRoutingRules.id, id)).for('update');
        if (!old) throw new DomainError('errors.notFound');
        before = { category: old.category, regionCode: old.regionCode, queue: old.queue, mailbox: old.mailbox, informIds: old.informIds };
        await tx.update(incidentRoutingRules).set(values).where(eq(incidentRoutingRules.id, id));
      } else {
        const [row] = await tx.insert(incidentRoutingRules).values(values).returning({ id: incidentRoutingRules.id });
        id = row!.id;
      }
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: data.id ? 'incident_rule.update' : 'incident_rule.create',
        entityType: 'incident_rule',
        entityId: id,
        requestId: ctx.requestId,
        details: {
          before,
          after: { category: values.category, regionCode: values.regionCode, queue: values.queue, mailbox: values.mailbox, informIds: values.informIds },
        },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'incident_routing_rules_key')) throw new DomainError('errors.duplicateRule', 'category');
    throw error;
  }
}

export async function deleteRoutingRule(actor: IncidentActor, input: { id: string }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'incidents.rules');
  const { id } = incidentIdSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [old] = await tx.delete(incidentRoutingRules).where(eq(incidentRoutingRules.id, id)).returning();
    if (!old) throw new DomainError('errors.notFound');
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'incident_rule.delete',
      entityType: 'incident_rule',
      entityId: id,
      requestId: ctx.requestId,
      details: { before: { category: old.category, regionCode: old.regionCode, queue: old.queue, mailbox: old.mailbox, informIds: old.informIds } },
    });
  });
}
