import type { Locale } from './i18n';

// Day counts in one form everywhere, screens and documents alike: "1 tööpäev", "5 tööpäeva",
// "25 kalendripäeva"; "1 working day", "5 working days". Estonian takes the partitive
// singular after every number but 1 (and -1), English the plural.
export type DayUnit = 'working' | 'calendar' | 'day';

const WORDS: Record<Locale, Record<DayUnit, readonly [one: string, many: string]>> = {
  et: { working: ['tööpäev', 'tööpäeva'], calendar: ['kalendripäev', 'kalendripäeva'], day: ['päev', 'päeva'] },
  en: { working: ['working day', 'working days'], calendar: ['calendar day', 'calendar days'], day: ['day', 'days'] },
};

/**
 * `n` days of `unit` in `locale` (a page passes its catalogue's `m.locale`, a document its
 * language): `formatDays(5, 'working')` → "5 tööpäeva".
 */
export function formatDays(n: number, unit: DayUnit, locale: Locale | string = 'et'): string {
  const [one, many] = WORDS[locale === 'en' ? 'en' : 'et'][unit];
  return `${n} ${Math.abs(n) === 1 ? one : many}`;
}

/** The unit of a register deadline kind (`document_types.deadline_kind`). */
export function dayUnitOf(kind: 'working_days' | 'calendar_days'): DayUnit {
  return kind === 'working_days' ? 'working' : 'calendar';
}
