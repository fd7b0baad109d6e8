import { eq, sql } from 'drizzle-orm';
import { selectRows, type Db } from '@/db/client';
import { staff } from '@/db/schema';
import type { IncidentReportInput } from '@/lib/incident-schema';
import type { IncidentActor } from '@/server/incidents/scope';

// Shared fixtures for incident and outbox integration tests.

export async function actorByCode(db: Db, personalCode: string): Promise<IncidentActor & { email: string; name: string }> {
  const [row] = await db.select().from(staff).where(eq(staff.personalCode, personalCode));
  if (!row) throw new Error(`no staff ${personalCode}`);
  return {
    id: row.id,
    personalCode: row.personalCode,
    roles: row.roles,
    regionCode: row.regionCode,
    email: row.email,
    name: `${row.givenName} ${row.familyName}`,
  };
}

export const demo = {
  mari: '47805122004', // specialist, Tallinn (Põhja)
  tonu: '36903032213', // specialist, Tallinn
  juri: '37509182078', // Põhja regional manager
  ulle: '49111142280', // Lõuna regional manager
  andres: '38207302355', // specialist, Tartu (Lõuna)
  zanna: '49308092563', // specialist, Narva (Ida)
  sergei: '36404152637', // Ida regional manager
  aivar: '39512022777', // head of IT support
  kristi: '48109102704', // IT support, Tartu
  peeter: '37906062915', // administrator
  helje: '46701202843', // finance
} as const;

export const report = (overrides: Partial<IncidentReportInput> = {}): IncidentReportInput => ({
  category: 'id_card_reader',
  officeCode: 'tallinn',
  place: 'Teenindussaal, laud 3',
  assetTag: 'SKA-01234',
  serviceBlocked: 'yes',
  peopleAffected: 1,
  urgency: 'high',
  description: 'ID-kaardi lugeja ei tunne kaarti ära, tuli vilgub punaselt.',
  ...overrides,
});

export const ctx = { requestId: 'test' };

export async function tableCounts(db: Db) {
  const [row] = await selectRows<Record<'incidents' | 'attachments' | 'updates' | 'outbox' | 'notifications' | 'numbers' | 'audit', number>>(
    db,
    sql`select
      (select count(*)::int from incidents) as incidents,
      (select count(*)::int from incident_attachments) as attachments,
      (select count(*)::int from incident_updates) as updates,
      (select count(*)::int from outbox_messages) as outbox,
      (select count(*)::int from notifications) as notifications,
      (select coalesce(sum(last), 0)::int from incident_counters) as numbers,
      (select count(*)::int from audit_log where outcome = 'success') as audit`,
  );
  return row!;
}

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const files = {
  png: (size = 64) => ({ name: 'foto.png', bytes: Uint8Array.from({ length: size }, (_, i) => (i < png.length ? png[i]! : i % 251)) }),
  pdf: () => ({ name: 'akt.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF') }),
  exeAsPng: () => ({ name: 'foto.png', bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]) }),
  htmlAsPdf: () => ({ name: 'arve.pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') }),
};
