import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BatchForm } from '@/components/payments/batch-form';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { formatDate, formatDateTime, formatEuros } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';
import { createBatchAction } from '@/server/payments/actions';
import { listBatches, listPayments } from '@/server/payments/queries';
import { nextTarget2BusinessDay } from '@/server/payments/target2';

export const metadata = { title: 'Maksepakid' };

export default async function BatchesPage() {
  const user = await requireUser();
  if (!can(user, 'payments.batch')) notFound();
  const [m, approved, batches] = await Promise.all([getMessages(), listPayments(user, { status: 'approved' }), listBatches(user)]);
  const b = m.payments.batches;
  const c = b.columns;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/maksed" className="text-sm text-brand-700 underline">
          {m.payments.card.back}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{b.title}</h1>
        <p className="max-w-3xl text-slate-700">{b.lead}</p>
      </div>
      <Card>
        <BatchForm rows={approved} defaultExecutionDate={nextTarget2BusinessDay(addDays(tallinnDate(new Date()), 1))} action={createBatchAction} />
      </Card>
      <section className="flex flex-col gap-3" aria-labelledby="batches">
        <h2 id="batches" className="text-lg font-semibold">
          {b.list}
        </h2>
        {batches.length === 0 ? (
          <p>{b.none}</p>
        ) : (
          <DataTable caption={b.list} columns={[c.messageId, c.createdAt, c.createdBy, c.executionDate, c.count, c.sum, c.file]}>
            {batches.map((batch) => (
              <tr key={batch.id} className="border-t border-slate-200">
                <td className="px-3 py-2 font-mono">{batch.messageId}</td>
                <td className="px-3 py-2">{formatDateTime(batch.createdAt)}</td>
                <td className="px-3 py-2">{batch.createdByName}</td>
                <td className="px-3 py-2">{formatDate(batch.executionDate)}</td>
                <td className="px-3 py-2">{batch.paymentCount}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatEuros(batch.controlSumCents)}</td>
                <td className="px-3 py-2">
                  <a
                    href={`/maksed/paketid/${batch.id}`}
                    className="text-brand-700 underline"
                    aria-label={fill(b.downloadLabel, { messageId: batch.messageId })}
                    download
                  >
                    {b.download}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
