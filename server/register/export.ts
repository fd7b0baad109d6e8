import 'server-only';
import { toCsv } from '@/lib/csv';
import { formatDate, formatDateTime } from '@/lib/format';
import { recordAudit } from '@/server/audit/record';
import { authorize } from '@/server/auth/policy';
import type { Download } from '@/server/http/download';
import { getMessages } from '@/server/i18n';
import { filterFromParams } from './filters';
import { searchDocuments } from './search';
import type { RegisterActor } from './visibility';

const MAX_ROWS = 20_000;
const PAGE = 500;

/**
 * The register list as the person sees it (the list's filters, in the URL's parameters) as a
 * CSV file for Excel, up to 20,000 rows, paged through the same search; each export is audited
 * with its filter and row count.
 */
export async function exportRegister(
  actor: RegisterActor & { personalCode: string },
  params: Record<string, string | string[] | undefined>,
  ctx: { requestId: string },
): Promise<Download> {
  authorize(actor, 'register.read');
  const m = await getMessages();
  const r = m.register;
  const filter = filterFromParams(params);
  const rows: (string | number | null)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await searchDocuments(actor, { ...filter, cursor, limit: PAGE });
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
        d.contentsHidden ? null : d.clientCode,
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
    actorCode: actor.personalCode,
    actorRole: actor.roles.join(','),
    action: 'register.export',
    requestId: ctx.requestId,
    details: { filter: { ...filter, cursor: undefined }, rows: rows.length },
  });
  const f = r.fields;
  const header = [
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
  ];
  return {
    fileName: `dokumendiregister-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(header, rows),
  };
}
