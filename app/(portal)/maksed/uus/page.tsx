import { notFound } from 'next/navigation';
import { PaymentForm } from '@/components/payments/payment-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale } from '@/server/i18n';
import { preparePaymentAction } from '@/server/payments/actions';
import { listBenefitKinds } from '@/server/payments/queries';

export const metadata = { title: 'Uus toetuse makse' };

export default async function NewPaymentPage() {
  const user = await requireUser();
  if (!can(user, 'payments.prepare')) notFound();
  const [locale, kinds] = await Promise.all([getLocale(), listBenefitKinds({ activeOnly: true })]);
  return (
    <Card className="max-w-4xl">
      <PaymentForm
        kinds={kinds.map((k) => ({ code: k.code, name: locale === 'en' ? k.nameEn : k.nameEt, note: locale === 'en' ? k.noteEn : k.noteEt }))}
        action={preparePaymentAction}
      />
    </Card>
  );
}
