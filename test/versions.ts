import { and, eq, ne, sql } from 'drizzle-orm';
import { selectRows, type Db } from '@/db/client';
import { templateTexts } from '@/db/schema';
import { versionOf } from '@/lib/record-version';

/** The version a page would show of a record now (lib/record-version.ts), for a decision's input. */
export async function versionNow(db: Db, table: 'benefit_payments' | 'tasks' | 'proposals' | 'incidents' | 'documents', id: string): Promise<string> {
  const [row] = await selectRows<{ version: number }>(db, sql`select version from ${sql.identifier(table)} where id = ${id}`);
  return row ? String(row.version) : '0';
}

/** The version the texts page shows of a template's open (written or submitted) draft now: its updated_at. */
export async function draftVersionNow(db: Db, templateId: string): Promise<string> {
  const [row] = await db
    .select({ updatedAt: templateTexts.updatedAt })
    .from(templateTexts)
    .where(and(eq(templateTexts.templateId, templateId), ne(templateTexts.status, 'published')));
  return row ? versionOf(row) : '0';
}
