import type { NextRequest } from 'next/server';
import { getLocale, getMessages } from '@/server/i18n';
import { limitPublicSearch } from '@/server/public-register/limit';
import { entriesToCsv } from '@/server/public-register/open-data';
import { filtersToQuery, parsePublicFilters, searchPublicRegister } from '@/server/public-register/queries';
import { limitedResponse, publicResponse, tooBroadResponse } from '@/server/public-register/respond';

// The public register as CSV (UTF-8 with BOM, semicolons): the /avalik query parameters,
// `suurus` rows a page (at most 500, 100 by default); the next page's address is in the
// Link header (rel="next"). The fields are those of andmed.json.
export async function GET(request: NextRequest) {
  const filters = parsePublicFilters(request.nextUrl.searchParams);
  const limited = await limitPublicSearch(filters);
  if (!limited.ok) return limitedResponse(limited.retryAfterSeconds, (await getMessages()).publicPages.limited);
  const page = await searchPublicRegister({ ...filters, limit: filters.limit ?? 100 }, await getLocale());
  if (page.tooBroad) return tooBroadResponse((await getMessages()).publicPages.tooBroad);
  const response = publicResponse(request, entriesToCsv(page.entries), 'text/csv; charset=utf-8');
  if (page.nextCursor) {
    const next = `/avalik/andmed.csv${filtersToQuery(filters, { parast: page.nextCursor, suurus: filters.limit ? String(filters.limit) : undefined })}`;
    response.headers.set('link', `<${next}>; rel="next"`);
  }
  return response;
}
