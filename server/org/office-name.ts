import { sql, type SQL } from 'drizzle-orm';
import { offices } from '@/db/schema';
import type { Locale } from '@/lib/i18n';

/**
 * An office's name as the reader's language shows it: in English mode its English name where
 * it has one, otherwise (and in Estonian) the Estonian name. For a select, an order or a join
 * that may find no office (then null).
 */
export function officeNameIn(locale: Locale): SQL<string> {
  return locale === 'en' ? sql<string>`coalesce(nullif(${offices.nameEn}, ''), ${offices.name})` : sql<string>`${offices.name}`;
}
