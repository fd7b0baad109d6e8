import { eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/server/tx';
import { documents, registerCounters, registerSeries } from '@/db/schema';

export type RegistrationNumber = { seriesCode: string; year: number; sequence: number; suffix: number; number: string };

/** `2-1/1534`, `2-1/26/1534`, and `-2` for the second addition to a matter. */
export function formatNumber(series: { code: string; withYear: boolean }, year: number, sequence: number, suffix = 0): string {
  const base = `${numberPrefix(series, year)}${sequence}`;
  return suffix > 0 ? `${base}-${suffix}` : base;
}

const numberPrefix = (series: { code: string; withYear: boolean }, year: number) =>
  series.withYear ? `${series.code}/${String(year % 100).padStart(2, '0')}/` : `${series.code}/`;

/** Stands for the number in JSON written by the statement that allocates it (see numberInStatement). */
const NUMBER_TOKEN = '\u2060registration-number\u2060';

export type NumberInStatement = {
  /** The counter's CTE, named `num`: first in the statement's WITH list. */
  cte: SQL;
  sequence: SQL;
  number: SQL;
  /** JSON text with the number put in where `numberToken` stood (cast it for a jsonb column). */
  inJson: (json: string) => SQL;
  /** Put this where the number goes in an object that becomes JSON. */
  numberToken: string;
  formatted: (sequence: number) => string;
};

/**
 * The next number of a series, allocated inside the statement that writes the document and
 * what refers to it. The counter row stays locked from that statement to the commit; taken
 * first, it stayed locked across two more round trips and the event-loop turns between
 * them, which under load is where registrations of one series queued (bench:load).
 */
export async function numberInStatement(tx: Tx, seriesCode: string, year: number): Promise<NumberInStatement> {
  const [series] = await tx.select().from(registerSeries).where(eq(registerSeries.code, seriesCode));
  if (!series) throw new Error(`unknown register series ${seriesCode}`);
  const counter = tx
    .insert(registerCounters)
    .values({ seriesCode, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [registerCounters.seriesCode, registerCounters.year], set: { lastNumber: sql`${registerCounters.lastNumber} + 1` } })
    .returning({ lastNumber: registerCounters.lastNumber });
  const sequence = sql`(select last_number from num)`;
  const number = sql`(${numberPrefix(series, year)}::text || ${sequence})`;
  return {
    cte: sql`num as (${counter.getSQL()})`,
    sequence,
    number,
    inJson: (json) => sql`replace(${json}::text, ${JSON.stringify(NUMBER_TOKEN)}::text, to_json(${number})::text)`,
    numberToken: NUMBER_TOKEN,
    formatted: (n) => formatNumber(series, year, n),
  };
}

/**
 * The next number of a series in a year. The counter row is created or incremented in the
 * registering transaction: its row lock makes concurrent registrations (from any number
 * of portal processes) wait their turn, and a rolled-back registration gives its number
 * back, so numbers stay unique and gapless.
 */
export async function allocateNumber(tx: Tx, seriesCode: string, year: number): Promise<RegistrationNumber> {
  const [series] = await tx.select().from(registerSeries).where(eq(registerSeries.code, seriesCode));
  if (!series) throw new Error(`unknown register series ${seriesCode}`);
  const [counter] = await tx
    .insert(registerCounters)
    .values({ seriesCode, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [registerCounters.seriesCode, registerCounters.year], set: { lastNumber: sql`${registerCounters.lastNumber} + 1` } })
    .returning({ lastNumber: registerCounters.lastNumber });
  const sequence = counter!.lastNumber;
  return { seriesCode, year, sequence, suffix: 0, number: formatNumber(series, year, sequence) };
}

/** The next suffix in a matter: the matter's first document holds the counter. */
export async function allocateInMatter(tx: Tx, matterId: string): Promise<RegistrationNumber> {
  const [root] = await tx
    .update(documents)
    .set({ lastSuffix: sql`${documents.lastSuffix} + 1` })
    .where(eq(documents.id, matterId))
    .returning({ seriesCode: documents.seriesCode, year: documents.year, sequence: documents.sequence, suffix: documents.lastSuffix });
  if (!root) throw new Error(`unknown matter ${matterId}`);
  const [series] = await tx.select().from(registerSeries).where(eq(registerSeries.code, root.seriesCode));
  return { ...root, number: formatNumber(series!, root.year, root.sequence, root.suffix) };
}
