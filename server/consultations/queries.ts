import { and, asc, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { consultations, consultationTopics, offices, units } from '@/db/schema';
import { CONSULTATION_CHANNELS, periodSchema, type ConsultationChannel, type Period } from '@/lib/consultation-schema';
import { tallinnLocalToInstant } from '@/lib/tallinn-time';
import { authorize } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { lookUpClient } from '@/server/clients/lookup';
import { ownConsultations, regionConsultations, type ConsultationActor } from './scope';
import { officeNameIn } from '@/server/org/office-name';

export type TopicOption = { code: string; nameEt: string; nameEn: string };

export async function activeTopics(actor: ConsultationActor): Promise<TopicOption[]> {
  authorize(actor, 'consultations.record');
  const db = await getDb();
  return db
    .select({ code: consultationTopics.code, nameEt: consultationTopics.nameEt, nameEn: consultationTopics.nameEn })
    .from(consultationTopics)
    .where(eq(consultationTopics.isActive, true))
    .orderBy(asc(consultationTopics.sortOrder), asc(consultationTopics.code));
}

export async function unitOptions(): Promise<{ code: string; nameEt: string; nameEn: string }[]> {
  const db = await getDb();
  return db.select().from(units).orderBy(asc(units.nameEt));
}

/** The person's own latest consultations (their client codes are their own records). */
export async function myConsultations(actor: ConsultationActor, limit = 20) {
  authorize(actor, 'consultations.record');
  const db = await getDb();
  return db
    .select({
      id: consultations.id,
      occurredAt: consultations.occurredAt,
      channel: consultations.channel,
      topicEt: consultationTopics.nameEt,
      topicEn: consultationTopics.nameEn,
      clientCode: consultations.clientCode,
      durationMinutes: consultations.durationMinutes,
      outcome: consultations.outcome,
    })
    .from(consultations)
    .innerJoin(consultationTopics, eq(consultationTopics.code, consultations.topicCode))
    .where(ownConsultations(actor))
    .orderBy(desc(consultations.occurredAt))
    .limit(limit);
}

/** The client's name for the form, when the code is known. Seeing it is a view of personal data: audited. */
export async function lookupConsultationClient(actor: ConsultationActor, personalCode: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'consultations.record');
  const client = await lookUpClient(actor, role, personalCode, 'nõustamine', ctx);
  return client && { givenName: client.givenName, familyName: client.familyName };
}

/** This month so far, in Tallinn time. */
export function defaultPeriod(now = new Date()): Period {
  const today = tallinnDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export function periodFromParams(params: Record<string, string | string[] | undefined>, now = new Date()): Period {
  const one = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  };
  const fallback = defaultPeriod(now);
  const parsed = periodSchema.safeParse({ from: one('alates') || fallback.from, to: one('kuni') || fallback.to });
  return parsed.success ? parsed.data : fallback;
}

export type CountRow = { key: string; label: string; count: number };
export type ConsultationStats = {
  period: Period;
  total: number;
  byTopic: CountRow[];
  byChannel: { key: ConsultationChannel; count: number }[];
  byOffice: CountRow[];
  /** Every office × topic × channel with a count, for the CSV. */
  cells: { officeCode: string | null; officeName: string | null; topicCode: string; topicName: string; channel: ConsultationChannel; count: number }[];
};

/** Counts per topic, channel and office in the manager's region, both period days inclusive (Tallinn time). */
export async function consultationStats(actor: ConsultationActor, period: Period, locale: 'et' | 'en' = 'et'): Promise<ConsultationStats> {
  authorize(actor, 'consultations.report');
  const p = periodSchema.parse(period);
  const from = tallinnLocalToInstant(`${p.from}T00:00`)!;
  const until = tallinnLocalToInstant(`${addDays(p.to, 1)}T00:00`)!;
  const db = await getDb();
  const topicName = locale === 'en' ? consultationTopics.nameEn : consultationTopics.nameEt;
  const rows = await db
    .select({
      officeCode: consultations.officeCode,
      officeName: officeNameIn(locale),
      topicCode: consultations.topicCode,
      topicName,
      topicOrder: consultationTopics.sortOrder,
      channel: consultations.channel,
      count: count(),
    })
    .from(consultations)
    .innerJoin(consultationTopics, eq(consultationTopics.code, consultations.topicCode))
    .leftJoin(offices, eq(offices.code, consultations.officeCode))
    .where(and(regionConsultations(actor), gte(consultations.occurredAt, from), lt(consultations.occurredAt, until)))
    .groupBy(consultations.officeCode, offices.name, offices.nameEn, consultations.topicCode, topicName, consultationTopics.sortOrder, consultations.channel)
    .orderBy(sql`${officeNameIn(locale)} nulls last`, asc(consultationTopics.sortOrder), asc(consultations.channel));
  const cells = rows.map((r) => ({ ...r, count: Number(r.count) }));
  const sum = <K extends string>(keyOf: (c: (typeof cells)[number]) => K, labelOf: (c: (typeof cells)[number]) => string) => {
    const map = new Map<K, CountRow>();
    for (const c of cells) {
      const key = keyOf(c);
      const row = map.get(key) ?? { key, label: labelOf(c), count: 0 };
      row.count += c.count;
      map.set(key, row);
    }
    return [...map.values()];
  };
  const byTopic = sum(
    (c) => c.topicCode,
    (c) => c.topicName,
  );
  const byOffice = sum(
    (c) => c.officeCode ?? '',
    (c) => c.officeName ?? '',
  );
  const channelCounts = sum(
    (c) => c.channel,
    (c) => c.channel,
  );
  const byChannel = CONSULTATION_CHANNELS.map((key) => ({ key, count: channelCounts.find((c) => c.key === key)?.count ?? 0 }));
  return {
    period: p,
    total: cells.reduce((n, c) => n + c.count, 0),
    byTopic,
    byChannel,
    byOffice,
    cells: cells.map(({ topicOrder: _order, ...c }) => c),
  };
}

/** The administrator's list: every topic, with how often it was used (a used one cannot be deleted). */
export async function allTopics(actor: ConsultationActor) {
  authorize(actor, 'consultations.configure');
  const db = await getDb();
  return db
    .select({
      code: consultationTopics.code,
      nameEt: consultationTopics.nameEt,
      nameEn: consultationTopics.nameEn,
      isActive: consultationTopics.isActive,
      uses: sql<number>`(select count(*)::int from ${consultations} where ${consultations.topicCode} = ${consultationTopics.code})`,
    })
    .from(consultationTopics)
    .orderBy(asc(consultationTopics.sortOrder), asc(consultationTopics.code));
}
