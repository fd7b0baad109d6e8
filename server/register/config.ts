import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessGrounds, documentTypes, extraDaysOff, registerSeries, units } from '@/db/schema';
import { documentTypeSchema, extraDayOffSchema, type DocumentTypeInput } from '@/lib/register-schema';
import { appendAudit } from '@/server/audit/record';
import { authorize, type Actor } from '@/server/auth/policy';
import { DomainError } from '@/server/errors';
import { invalidateRegisterReference } from './reference-cache';

// The register's configuration, kept by administrators: document types with their legal
// deadlines (the memoranda act's 30 days may become 15), and extra days off.

export async function registerConfiguration(actor: Actor) {
  authorize(actor, 'register.configure');
  const db = await getDb();
  const [types, series, grounds, unitRows, days] = await Promise.all([
    db.select().from(documentTypes).orderBy(asc(documentTypes.sortOrder), asc(documentTypes.nameEt)),
    db.select().from(registerSeries).orderBy(asc(registerSeries.code)),
    db.select().from(accessGrounds).orderBy(asc(accessGrounds.label)),
    db.select().from(units).orderBy(asc(units.nameEt)),
    db.select().from(extraDaysOff).orderBy(asc(extraDaysOff.day)),
  ]);
  return { types, series, grounds, units: unitRows, extraDaysOff: days };
}

/** Saves a document type; an existing code is updated. Documents already registered keep their deadline. */
export async function saveDocumentType(actor: Actor, input: DocumentTypeInput, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'register.configure');
  const data = documentTypeSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [series] = await tx.select().from(registerSeries).where(eq(registerSeries.code, data.seriesCode));
    if (!series) throw new DomainError('errors.unknownReference', 'seriesCode');
    if (data.defaultGroundCode) {
      const [ground] = await tx.select().from(accessGrounds).where(eq(accessGrounds.code, data.defaultGroundCode));
      if (!ground) throw new DomainError('errors.unknownReference', 'defaultGroundCode');
    }
    if (data.defaultUnitCode) {
      const [unit] = await tx.select().from(units).where(eq(units.code, data.defaultUnitCode));
      if (!unit) throw new DomainError('errors.unknownReference', 'defaultUnitCode');
    }
    const values = {
      ...data,
      defaultGroundCode: data.defaultGroundCode || null,
      defaultUnitCode: data.defaultUnitCode || null,
      deadlineDays: data.deadlineKind === 'none' || data.deadlineDays === '' ? null : data.deadlineDays,
    };
    const [before] = await tx.select().from(documentTypes).where(eq(documentTypes.code, data.code));
    await tx.insert(documentTypes).values(values).onConflictDoUpdate({ target: documentTypes.code, set: values });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: before ? 'register.type_update' : 'register.type_create',
      entityType: 'document_type',
      entityId: data.code,
      requestId: ctx.requestId,
      details: {
        deadline: `${values.deadlineKind}:${values.deadlineDays ?? ''}`,
        before: before ? `${before.deadlineKind}:${before.deadlineDays ?? ''}` : null,
      },
    });
  });
  invalidateRegisterReference();
}

export async function addExtraDayOff(actor: Actor, input: { day: string; reason: string }, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'register.configure');
  const data = extraDayOffSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(extraDaysOff)
      .values(data)
      .onConflictDoUpdate({ target: extraDaysOff.day, set: { reason: data.reason } });
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'register.day_off_add',
      entityType: 'day_off',
      entityId: data.day,
      requestId: ctx.requestId,
      details: { reason: data.reason },
    });
  });
}

export async function removeExtraDayOff(actor: Actor, input: { day: string }, ctx: { requestId: string }): Promise<void> {
  const role = authorize(actor, 'register.configure');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const removed = await tx.delete(extraDaysOff).where(eq(extraDaysOff.day, input.day)).returning();
    if (removed.length === 0) throw new DomainError('errors.notFound');
    await appendAudit(tx, {
      actorCode: actor.personalCode,
      actorRole: role,
      action: 'register.day_off_remove',
      entityType: 'day_off',
      entityId: input.day,
      requestId: ctx.requestId,
    });
  });
}
