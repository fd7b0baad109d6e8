import Link from 'next/link';
import { notFound } from 'next/navigation';
import { runStatusTone } from '@/components/bulk/status';
import { BulkUpload } from '@/components/bulk/bulk-upload';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { BULK_LIMITS, BULK_TEMPLATES } from '@/templates/bulk';
import { formatDateTime } from '@/lib/format';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { listBulkRuns } from '@/server/bulk/queries';
import { getMessages } from '@/server/i18n';
import { getTemplate } from '@/templates/registry';

export const metadata = { title: 'Teatiste ja tõendite hulgiväljastus' };

// Bulk notices and certificates: upload and check a CSV, then the runs with their progress.
export default async function BulkPage() {
  const user = await requireUser();
  if (!can(user, 'documents.issue_bulk')) notFound();
  const m = await getMessages();
  const t = m.bulk;
  const runs = await listBulkRuns(user);
  const templates = BULK_TEMPLATES.map((b) => ({
    id: b.templateId,
    title: getTemplate(b.templateId)!.meta.title[m.locale === 'en' ? 'en' : 'et'],
    columns: b.columns.map((c) => ({ header: c.header, kind: c.kind, required: c.required })),
  }));
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{t.title}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t.lead}</p>
      </div>
      <Card aria-labelledby="bulk-upload-title">
        <h2 id="bulk-upload-title" className="mb-3 text-lg font-semibold">
          {t.upload}
        </h2>
        <BulkUpload templates={templates} maxRows={BULK_LIMITS.maxRows} />
      </Card>
      <section aria-labelledby="bulk-runs-title" className="flex flex-col gap-2">
        <h2 id="bulk-runs-title" className="text-lg font-semibold">
          {t.runsTitle}
        </h2>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-700">{t.noRuns}</p>
        ) : (
          <DataTable caption={t.runsCaption} columns={[t.uploaded, t.template, t.createdBy, t.status, t.progress]}>
            {runs.map((run) => (
              <tr key={run.id} className="border-t border-slate-200">
                <td className="whitespace-nowrap px-3 py-2">
                  <Link href={`/valjasta/hulgi/${run.id}`} className="text-brand-700 underline">
                    {formatDateTime(run.createdAt)}
                  </Link>
                  <div className="text-xs text-slate-700">{run.fileName}</div>
                </td>
                <td className="px-3 py-2">{getTemplate(run.templateId)?.meta.title[m.locale === 'en' ? 'en' : 'et'] ?? run.templateId}</td>
                <td className="px-3 py-2">{run.createdBy}</td>
                <td className="px-3 py-2">
                  <Badge tone={runStatusTone[run.status]}>{t.statuses[run.status]}</Badge>
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {run.counts.issued + run.counts.failed} / {run.total}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
