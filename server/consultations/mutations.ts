import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { consultations, consultationTopics, staff, units } from '@/db/schema';
import { consultationSchema, topicSchema, type ConsultationInput, type TopicInput } from '@/lib/consultation-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import { DomainError, isUniqueViolation } from '@/server/errors';
import type { ConsultationActor } from './scope';
import type { RequestContext } from '@/server/observability/context';

/** Duties 3.1 and 3.12: one consultation, counted for the region and office of the person who gave it. */
export async function recordConsultation(actor: ConsultationActor, input: ConsultationInput, ctx: RequestContext): Promise<{ id: string }> {
  const role = authorize(actor, 'consultations.record');
  const data = consultationSchema.parse(input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [topic] = await tx
        .select({ code: consultationTopics.code })
        .from(consultationTopics)
        .where(and(eq(consultationTopics.code, data.topicCode), eq(consultationTopics.isActive, true)));
      if (!topic) throw new DomainError('errors.unknownTopic', 'topicCode');
      const referredUnit = data.outcome === 'referred' ? data.referredUnitCode : null;
      if (referredUnit) {
        const [unit] = await tx.select({ code: units.code }).from(units).where(eq(units.code, referredUnit));
        if (!unit) throw new DomainError('errors.unknownReference', 'referredUnitCode');
      }
      const [me] = await tx.select({ officeCode: staff.officeCode, regionCode: staff.regionCode }).from(staff).where(eq(staff.id, actor.id));
      if (!me) throw new DomainError('errors.notFound');
      const [row] = await tx
        .insert(consultations)
        .values({
          staffId: actor.id,
          officeCode: me.officeCode,
          regionCode: me.regionCode,
          channel: data.channel,
          topicCode: topic.code,
          clientCode: data.clientCode || null,
          durationMinutes: data.durationMinutes,
          outcome: data.outcome,
          referredUnitCode: referredUnit,
          note: data.note || null,
          occurredAt: ctx.now ?? new Date(),
          submissionId: data.submissionId,
        })
        .returning({ id: consultations.id });
      await appendAudit(tx, {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'consultation.record',
        entityType: 'consultation',
        entityId: row!.id,
        // A consultation with a named client is a record about that person.
        subjectCode: data.clientCode || null,
        purpose: data.clientCode ? 'nõustamine' : null,
        requestId: ctx.requestId,
        details: { topic: topic.code, channel: data.channel, outcome: data.outcome },
      });
      return { id: row!.id };
    });
  } catch (error) {
    // The same form sent twice: the first one stands.
    if (isUniqueViolation(error, 'consultations_submission_id_unique')) {
      const [existing] = await db
        .select({ id: consultations.id, staffId: consultations.staffId })
        .from(consultations)
        .where(eq(consultations.submissionId, data.submissionId));
      if (existing && existing.staffId === actor.id) return { id: existing.id };
    }
    throw error;
  }
}

function slug(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return s.length >= 2 ? s : 'topic';
}

/** Adds a topic (no code) or renames and (de)activates one. Codes never change: old counts keep their topic. */
export async function saveTopic(actor: ConsultationActor, input: TopicInput, ctx: RequestContext): Promise<{ code: string }> {
  const role = authorize(actor, 'consultations.configure');
  const data = topicSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let code = data.code;
    if (!code) {
      const base = slug(data.nameEn);
      const taken = await tx
        .select({ code: consultationTopics.code })
        .from(consultationTopics)
        .where(sql`${consultationTopics.code} = ${base} or ${consultationTopics.code} like ${base + '\\_%'}`);
      const used = new Set(taken.map((t) => t.code));
      code = base;
      for (let i = 2; used.has(code); i++) code = `${base}_${i}`;
      const [last] = await tx.select({ max: sql<number>`coalesce(max(${consultationTopics.sortOrder}), 0)::int` }).from(consultationTopics);
      await tx.insert(consultationTopics).values({ code, nameEt: data.nameEt, nameEn: data.nameEn, isActive: data.isActive, sortOrder: (last?.max ?? 0) + 10 });
    } else {
      const updated = await tx
        .update(consultationTopics)
        .set({ nameEt: data.nameEt, nameEn: data.nameEn, isActive: data.isActive, updatedAt: sql`now()` })
        .where(eq(consultationTopics.code, code))
        .returning({ code: consultationTopics.code });
      if (updated.length === 0) throw new DomainError('errors.notFound');
    }
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: data.code ? 'consultation.topic_update' : 'consultation.topic_add',
      entityType: 'consultation_topic',
      entityId: code,
      requestId: ctx.requestId,
      details: { nameEt: data.nameEt, nameEn: data.nameEn, isActive: data.isActive },
    });
    return { code };
  });
}

/** Only a topic nobody has used can be deleted; a used one is deactivated instead. */
export async function deleteTopic(actor: ConsultationActor, input: { code: string }, ctx: RequestContext): Promise<void> {
  const role = authorize(actor, 'consultations.configure');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [topic] = await tx.select().from(consultationTopics).where(eq(consultationTopics.code, input.code)).for('update');
    if (!topic) throw new DomainError('errors.notFound');
    const [used] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.topicCode, topic.code)).limit(1);
    if (used) throw new DomainError('errors.topicInUse');
    await tx.delete(consultationTopics).where(eq(consultationTopics.code, topic.code));
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'consultation.topic_delete',
      entityType: 'consultation_topic',
      entityId: topic.code,
      requestId: ctx.requestId,
    });
  });
}
