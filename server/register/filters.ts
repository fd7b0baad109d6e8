import { isCalendarDate } from '@/lib/date-schema';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@/lib/register-schema';
import type { DocumentFilter } from './search';

/** Search parameters of the register pages → a filter; anything unknown is dropped (an allowlist). */
export function filterFromParams(params: Record<string, string | string[] | undefined>): DocumentFilter {
  const one = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const view = one('vaade');
  const status = one('olek');
  const date = (v: string | undefined) => (v && isCalendarDate(v) ? v : undefined);
  const year = Number(one('aasta'));
  return {
    view: view === 'minu' ? 'mine' : view === 'osakond' ? 'unit' : 'all',
    number: one('viit')?.slice(0, 40),
    year: Number.isInteger(year) && year > 1990 && year < 2200 ? year : undefined,
    client: one('klient')?.slice(0, 100),
    typeCode: one('liik')?.slice(0, 60),
    status: status === 'avatud' ? 'open' : DOCUMENT_STATUSES.includes(status as DocumentStatus) ? (status as DocumentStatus) : undefined,
    channel: one('viis')?.slice(0, 20),
    from: date(one('alates')),
    to: date(one('kuni')),
    assigneeId: /^[0-9a-f-]{36}$/i.test(one('taitja') ?? '') ? one('taitja') : undefined,
    overdueOnly: one('yletatud') === '1',
    sort: one('jarjestus') === 'tahtaeg' ? 'due' : 'registered',
    cursor: one('lk'),
  };
}
