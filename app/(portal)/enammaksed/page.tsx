import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OverpaymentForm } from '@/components/payments/overpayment-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { registerOverpaymentAction } from '@/server/overpayments/actions';
import { overpaymentRules } from '@/server/overpayments/mutations';

export const metadata = { title: 'Enammakstud summa taotlus' };

export default async function OverpaymentPage() {
  const user = await requireUser();
  if (!can(user, 'overpayments.register')) notFound();
  const m = await getMessages();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/maksed" className="text-sm text-brand-700 underline">
          {m.payments.card.back}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{m.overpayments.title}</h1>
        <p className="max-w-3xl text-slate-700">{m.overpayments.lead}</p>
      </div>
      <Card className="max-w-4xl">
        <OverpaymentForm rules={overpaymentRules()} action={registerOverpaymentAction} />
      </Card>
    </div>
  );
}
