import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaymentForm } from '@/components/payments/payment-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { formatIban } from '@/lib/iban';
import { centsToInput } from '@/lib/money';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { resubmitPaymentAction } from '@/server/payments/actions';
import { getPayment, listBenefitKinds } from '@/server/payments/queries';

export const metadata = { title: 'Paranda makse' };

/** The preparer corrects a payment returned to them and sends it for approval again. */
export default async function CorrectPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!can(user, 'payments.prepare')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [m, locale, requestId, kinds] = await Promise.all([getMessages(), getLocale(), getRequestId(), listBenefitKinds({ activeOnly: true })]);
  const payment = await getPayment(user, id, { requestId });
  if (!payment?.canCorrect) notFound();
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <Link href={`/maksed/${id}`} className="text-sm text-brand-700 underline">
        {m.payments.correction.cancel}
      </Link>
      <Alert tone="warning" className="break-words whitespace-pre-line">
        <span className="font-medium">{m.payments.card.reason}:</span> {payment.returnReason}
      </Alert>
      <Card>
        <PaymentForm
          kinds={kinds.map((k) => ({ code: k.code, name: locale === 'en' ? k.nameEn : k.nameEt, note: locale === 'en' ? k.noteEn : k.noteEt }))}
          correction={{
            paymentId: id,
            action: resubmitPaymentAction,
            values: {
              kindCode: payment.kindCode,
              deceasedCode: payment.deceasedCode,
              deceasedName: payment.deceasedName,
              applicantCode: payment.applicantCode,
              applicantName: payment.applicantName,
              basis: payment.basis,
              amount: centsToInput(payment.amountCents),
              recipientName: payment.recipientName,
              recipientIban: formatIban(payment.recipientIban),
              decisionDate: payment.decisionDate,
            },
          }}
        />
      </Card>
    </div>
  );
}
