import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '@/db/client';

/** The version a page would show of a record now (lib/record-version.ts), for a decision's input. */
export async function versionNow(db: Db, table: 'benefit_payments' | 'tasks' | 'proposals' | 'incidents' | 'documents', id: string): Promise<string> {
  const [row] = await selectRows<{ version: number }>(db, sql`select version from ${sql.identifier(table)} where id = ${id}`);
  return row ? String(row.version) : '0';
}
