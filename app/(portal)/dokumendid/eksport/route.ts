import { NextResponse, type NextRequest } from 'next/server';
import { formatDate, formatDateTime } from '@/lib/format';
import { toCsv } from '@/lib/csv';
import { recordAudit } from '@/server/audit/record';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { filterFromParams } from '@/server/register/filters';
import { searchDocuments } from '@/server/register/queries';

const MAX_ROWS = 20_000;

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  if (!can(user, 'register.read')) return new NextResponse('Not found', { status: 404 });
  const m = await getMessages();
  const r = m.register;
  const filter = filterFromParams(Object.fromEntries(request.nextUrl.searchParams));
  const rows: (string | number | null)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await searchDocuments(user, { ...filter, cursor, limit: 500 });
    for (const d of page.rows) {
      rows.push([
        d.number,
        d.year,
        formatDateTime(d.registeredAt),
        d.contentsHidden ? m.frontDesk.hiddenTitle : d.title,
        d.typeName,
        r.directions[d.direction],
        r.channels[d.channel as keyof typeof r.channels] ?? d.channel,
        d.contentsHidden ? m.frontDesk.hiddenParty : d.party,
        d.clientCode,
        d.unitName,
        d.assigneeName,
        r.statuses[d.status],
        d.dueDate ? formatDate(d.dueDate) : null,
        // Every export of a restricted document carries the mark, its ground and its term.
        d.isRestricted ? `${r.restrictionMark}; ${d.restrictionLabel ?? ''}; ${d.restrictionUntil ? formatDate(d.restrictionUntil) : ''}` : 'Avalik',
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);
  await recordAudit({
    actorCode: user.personalCode,
    actorRole: user.roles.join(','),
    action: 'register.export',
    requestId: await getRequestId(),
    details: { filter: { ...filter, cursor: undefined }, rows: rows.length },
  });
  const f = r.fields;
  const csv = toCsv(
    [
      f.number,
      f.year,
      f.registeredAt,
      f.title,
      f.type,
      'Suund',
      f.channel,
      f.party,
      'Isikukood',
      f.unit,
      f.assignee,
      f.status,
      f.dueDate,
      'Juurdepääsupiirang',
    ],
    rows,
  );
  return new NextResponse(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="dokumendiregister-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
