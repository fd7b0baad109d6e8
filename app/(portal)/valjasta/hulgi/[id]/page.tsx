import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BulkRunControls } from '@/components/bulk/bulk-run-controls';
import { rowStatusTone, runStatusTone } from '@/components/bulk/status';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/format';
import { fill, messageByKey } from '@/lib/i18n';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getBulkRun } from '@/server/bulk/queries';
import { getMessages } from '@/server/i18n';
import { getTemplate } from '@/templates/registry';

export const metadata = { title: 'Hulgiväljastus' };
export const dynamic = 'force-dynamic';

// One bulk run: confirm it, follow its progress (the bar polls; a reload shows the same), cancel it, open what it issued.
export default async function BulkRunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!can(user, 'documents.issue_bulk')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const run = await getBulkRun(user, id, { requestId: await getRequestId() });
  if (!run) notFound();
  const m = await getMessages();
  const t = m.bulk;
  const title = getTemplate(run.templateId)?.meta.title[m.locale === 'en' ? 'en' : 'et'] ?? run.templateId;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link href="/valjasta/hulgi" className="text-sm text-brand-700 underline">
          {t.back}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {t.runTitle}: {title}
        </h1>
      </div>
      <Card className="flex flex-col gap-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t.file}</dt>
          <dd>{run.fileName}</dd>
          <dt className="text-slate-600">{t.method}</dt>
          <dd>{m.issuing.methods[run.method]}</dd>
          <dt className="text-slate-600">{t.uploaded}</dt>
          <dd>
            {formatDateTime(run.createdAt)} · {run.createdBy}
          </dd>
          <dt className="text-slate-600">{t.status}</dt>
          <dd>
            <Badge tone={runStatusTone[run.status]}>{t.statuses[run.status]}</Badge>
          </dd>
        </dl>
        <BulkRunControls
          key={`${run.status}:${run.counts.issued}:${run.counts.failed}`}
          initial={{ id: run.id, status: run.status, total: run.total, counts: run.counts, percent: run.percent }}
        />
      </Card>
      <section aria-labelledby="bulk-rows-title" className="flex flex-col gap-2">
        <h2 id="bulk-rows-title" className="text-lg font-semibold">
          {t.rowsTitle}
        </h2>
        <DataTable caption={t.rowsCaption} columns={[t.row, t.personalCode, t.name, t.status, t.number, t.pdf]}>
          {run.rows.map((row) => (
            <tr key={row.rowNumber} className="border-t border-slate-200">
              <td className="px-3 py-2 tabular-nums">{row.rowNumber}</td>
              <td className="px-3 py-2 font-mono">{row.personalCode}</td>
              <td className="px-3 py-2">{row.name}</td>
              <td className="px-3 py-2">
                <Badge tone={rowStatusTone[row.status]}>{t.rowStatuses[row.status]}</Badge>
                {row.error && <div className="text-xs text-red-800">{messageByKey(m, row.error)}</div>}
              </td>
              <td className="px-3 py-2 font-mono">
                {row.number && row.documentId ? (
                  <Link href={`/dokumendid/${row.documentId}`} className="text-brand-700 underline">
                    {row.number}
                  </Link>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {row.issuedId ? (
                  <a
                    href={`/valjastatud/${row.issuedId}/pdf`}
                    download
                    className="text-brand-700 underline"
                    aria-label={fill(t.downloadRow, { row: row.rowNumber })}
                  >
                    {t.pdf}
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
