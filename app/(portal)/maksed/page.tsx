import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaymentTable } from '@/components/payments/payment-table';
import { Button } from '@/components/ui/button';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { listPayments } from '@/server/payments/queries';

export const metadata = { title: 'Toetuste maksed' };

export default async function PaymentsPage() {
  const user = await requireUser();
  if (!can(user, 'payments.read')) notFound();
  const [m, locale, rows] = await Promise.all([getMessages(), getLocale(), listPayments(user)]);
  const p = m.payments;
  const table = rows.map((r) => ({ ...r, kindName: locale === 'en' ? r.kindNameEn : r.kindNameEt }));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{p.title}</h1>
          <p className="max-w-3xl text-slate-700">{p.lead}</p>
          <p className="text-sm text-slate-600">{can(user, 'payments.read_all') ? p.financeNote : p.regionNote}</p>
        </div>
        <div className="flex gap-2">
          {can(user, 'payments.prepare') && (
            <Button asChild>
              <Link href="/maksed/uus">{p.newPayment}</Link>
            </Button>
          )}
          {can(user, 'overpayments.register') && (
            <Button asChild variant="secondary">
              <Link href="/enammaksed">{m.overpayments.title}</Link>
            </Button>
          )}
          {can(user, 'payments.batch') && (
            <Button asChild variant="secondary">
              <Link href="/maksed/paketid">{p.batchesLink}</Link>
            </Button>
          )}
        </div>
      </div>
      {table.length ? <PaymentTable m={m} rows={table} caption={p.title} /> : <p>{p.none}</p>}
    </div>
  );
}
