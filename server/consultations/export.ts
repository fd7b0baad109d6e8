import 'server-only';
import { recordAudit } from '@/server/audit/record';
import type { Download } from '@/server/http/download';
import { getLocale, getMessages } from '@/server/i18n';
import { consultationCsv } from './csv';
import { consultationStats, periodFromParams } from './queries';
import type { ConsultationActor } from './scope';

/**
 * The consultation statistics of the person's region for a period (the page's parameters) as
 * CSV for Excel (lib/csv.ts: BOM, semicolons, formula-safe); each download is audited.
 */
export async function exportConsultationStats(
  actor: ConsultationActor & { personalCode: string },
  params: Record<string, string | string[] | undefined>,
  ctx: { requestId: string },
): Promise<Download> {
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const s = m.consultations.stats;
  const period = periodFromParams(params);
  const stats = await consultationStats(actor, period, locale); // authorizes consultations.report
  await recordAudit({
    actorCode: actor.personalCode,
    actorRole: actor.roles.join(','),
    action: 'consultation.export',
    requestId: ctx.requestId,
    details: { period, region: actor.regionCode, rows: stats.cells.length },
  });
  const csv = consultationCsv(stats, {
    office: s.office,
    topic: s.topic,
    channel: s.channel,
    count: s.count,
    noOffice: s.noOffice,
    channels: m.consultations.channels,
  });
  return { fileName: `noustamised-${period.from}-${period.to}.csv`, contentType: 'text/csv; charset=utf-8', body: csv };
}
