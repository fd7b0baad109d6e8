import { NextResponse, type NextRequest } from 'next/server';
import { recordAudit } from '@/server/audit/record';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { consultationCsv } from '@/server/consultations/csv';
import { consultationStats, periodFromParams } from '@/server/consultations/queries';
import { getLocale, getMessages } from '@/server/i18n';

// The statistics as CSV for Excel (lib/csv.ts: BOM, semicolons, formula-safe); each download is audited.
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/sisene', request.url));
  if (!can(user, 'consultations.report')) return new NextResponse('Not found', { status: 404 });
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const s = m.consultations.stats;
  const period = periodFromParams(Object.fromEntries(request.nextUrl.searchParams));
  const stats = await consultationStats(user, period, locale);
  await recordAudit({
    actorCode: user.personalCode,
    actorRole: user.roles.join(','),
    action: 'consultation.export',
    requestId: await getRequestId(),
    details: { period, region: user.regionCode, rows: stats.cells.length },
  });
  const csv = consultationCsv(stats, {
    office: s.office,
    topic: s.topic,
    channel: s.channel,
    count: s.count,
    noOffice: s.noOffice,
    channels: m.consultations.channels,
  });
  return new NextResponse(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="noustamised-${period.from}-${period.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
