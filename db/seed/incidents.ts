import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { incidentRoutingRules } from '../schema';

// Demo routing rules: only where an office works differently from the organisation's
// default (server/incidents/routing.ts). Pure data plus an idempotent insert.
export const demoRoutingRules = [
  // Jõhvi and Narva share a facilities team that handles premises problems.
  ...(['room', 'furniture', 'heating_cooling', 'security', 'other'] as const).map((category) => ({
    category,
    region: 'ida',
    queue: 'mailbox' as const,
    mailbox: 'haldus.ida@sotsiaalkindlustusamet.ee',
    queueName: 'Ida piirkonna haldusteenistus',
    inform: [] as string[],
  })),
  // In Tartu the local IT support person also hears of network problems at once.
  { category: 'network' as const, region: 'louna', queue: 'it_support' as const, mailbox: null, queueName: null, inform: ['48109102704'] },
];

export async function seedRoutingRules(db: Pick<Db, 'insert'>): Promise<number> {
  const rows = await db
    .insert(incidentRoutingRules)
    .values(
      demoRoutingRules.map((r) => ({
        category: r.category,
        regionCode: r.region,
        queue: r.queue,
        mailbox: r.mailbox,
        queueName: r.queueName,
        informIds: r.inform.length
          ? sql`array(select id from staff where personal_code in (${sql.join(
              r.inform.map((c) => sql`${c}`),
              sql`, `,
            )}))`
          : sql`'{}'::uuid[]`,
        updatedBy: 'seed',
      })),
    )
    .onConflictDoNothing()
    .returning({ id: incidentRoutingRules.id });
  return rows.length;
}
