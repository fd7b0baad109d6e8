import type { NextRequest } from 'next/server';
import { getLocale, getMessages } from '@/server/i18n';
import { limitPublicSearch } from '@/server/public-register/limit';
import { OPEN_DATA_FIELDS } from '@/server/public-register/open-data';
import { filtersToQuery, parsePublicFilters, searchPublicRegister } from '@/server/public-register/queries';
import { limitedResponse, publicResponse, tooBroadResponse } from '@/server/public-register/respond';

// The public register as JSON: the /avalik query parameters, `suurus` entries a page (at most
// 500, 100 by default), `next` the address of the next page (null on the last).
export async function GET(request: NextRequest) {
  const filters = parsePublicFilters(request.nextUrl.searchParams);
  const limited = await limitPublicSearch(filters);
  if (!limited.ok) return limitedResponse(limited.retryAfterSeconds, (await getMessages()).publicPages.limited);
  const locale = await getLocale();
  const page = await searchPublicRegister({ ...filters, limit: filters.limit ?? 100 }, locale);
  if (page.tooBroad) return tooBroadResponse((await getMessages()).publicPages.tooBroad);
  const next = page.nextCursor
    ? `/avalik/andmed.json${filtersToQuery(filters, { parast: page.nextCursor, suurus: filters.limit ? String(filters.limit) : undefined })}`
    : null;
  const body = JSON.stringify({ fields: OPEN_DATA_FIELDS, language: locale, entries: page.entries, next });
  return publicResponse(request, body, 'application/json; charset=utf-8');
}
