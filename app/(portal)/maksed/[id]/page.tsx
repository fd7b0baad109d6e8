import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionPanel } from '@/components/payments/decision-panel';
import { PaymentHistory } from '@/components/payments/payment-history';
import { PaymentStatusBadge } from '@/components/payments/payment-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDate, formatDateTime, formatEuros } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { formatIban } from '@/lib/iban';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { versionOf } from '@/lib/record-version';
import { approvePaymentAction, rejectPaymentAction, returnPaymentAction } from '@/server/payments/actions';
import { getPayment } from '@/server/payments/queries';

export const metadata = { title: 'Toetuse makse' };

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ koostatud?: string; kinnitatud?: string; tagastatud?: string; tagasi_lykatud?: string; parandatud?: string }>;
}) {
  const user = await requireUser();
  if (!can(user, 'payments.read')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [m, locale, requestId, query] = await Promise.all([getMessages(), getLocale(), getRequestId(), searchParams]);
  const payment = await getPayment(user, id, { requestId });
  if (!payment) notFound();
  const c = m.payments.card;
  const kind = locale === 'en' ? payment.kindNameEn : payment.kindNameEt;
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/maksed" className="text-sm text-brand-700 underline">
          {c.back}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{fill(c.title, { kind, name: payment.deceasedName })}</h1>
      </div>
      {query.koostatud && payment.status === 'prepared' && <Alert tone="success">{m.payments.form.saved}</Alert>}
      {query.kinnitatud && payment.status === 'approved' && <Alert tone="success">{c.approvedMessage}</Alert>}
      {query.tagastatud && payment.status === 'returned' && <Alert tone="success">{c.returnedMessage}</Alert>}
      {query.tagasi_lykatud && payment.status === 'rejected' && <Alert tone="success">{c.rejectedMessage}</Alert>}
      {query.parandatud && payment.status === 'prepared' && <Alert tone="success">{c.resubmittedMessage}</Alert>}
      {payment.decision && (
        <Alert tone="warning" className="flex flex-col gap-2">
          <p className="font-semibold">
            {fill(payment.status === 'returned' ? c.returnedAlert : c.rejectedAlert, {
              name: payment.decision.actorName,
              date: formatDateTime(payment.decision.at),
            })}
          </p>
          <p className="break-words whitespace-pre-line">
            <span className="font-medium">{c.reason}:</span> {payment.returnReason ?? payment.rejectReason}
          </p>
          {payment.canCorrect && (
            <div>
              <Button asChild>
                <Link href={`/maksed/${payment.id}/paranda`}>{c.correct}</Link>
              </Button>
            </div>
          )}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {row(c.deceased, `${payment.deceasedName}, ${payment.deceasedCode}`)}
            {row(c.applicant, `${payment.applicantName}, ${payment.applicantCode}`)}
            {row(c.basis, payment.basis)}
            {row(c.decisionDate, formatDate(payment.decisionDate))}
            {row(c.amount, <strong>{formatEuros(payment.amountCents)}</strong>)}
            {row(c.recipient, payment.recipientName)}
            {row(c.iban, <span className="font-mono">{formatIban(payment.recipientIban)}</span>)}
            {row(c.status, <PaymentStatusBadge m={m} status={payment.status} />)}
            {row(c.prepared, `${payment.preparedByName}, ${formatDateTime(payment.preparedAt)}`)}
            {row(c.approved, payment.approvedAt ? `${payment.approvedByName}, ${formatDateTime(payment.approvedAt)}` : c.notYet)}
            {row(
              c.handedOver,
              payment.handedOverAt
                ? fill(c.handedOverText, {
                    date: formatDateTime(payment.handedOverAt),
                    name: payment.handedOverByName ?? '',
                    messageId: payment.messageId ?? '',
                  })
                : c.notYet,
            )}
          </dl>
        </Card>
        {(payment.status === 'prepared' || payment.status === 'returned') && can(user, 'payments.approve') && (
          <Card>
            {payment.canReject ? (
              <DecisionPanel
                paymentId={payment.id}
                version={versionOf(payment)}
                canApprove={payment.canApprove}
                canReturn={payment.canReturn}
                approveAction={approvePaymentAction}
                returnAction={returnPaymentAction}
                rejectAction={rejectPaymentAction}
                approveSummary={
                  <div className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto">
                    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                      {row(c.basis, `${payment.basis} (${formatDate(payment.decisionDate)})`)}
                      {row(c.applicant, `${payment.applicantName}, ${payment.applicantCode}`)}
                      {row(c.recipient, payment.recipientName)}
                      {row(c.iban, <span className="font-mono">{formatIban(payment.recipientIban)}</span>)}
                      {row(c.amount, <strong>{formatEuros(payment.amountCents)}</strong>)}
                      {row(c.prepared, `${payment.preparedByName}, ${formatDateTime(payment.preparedAt)}`)}
                    </dl>
                    {payment.history.length > 0 ? (
                      <PaymentHistory m={m} events={payment.history} kinds={{ [payment.kindCode]: kind }} headingId="approve-history" />
                    ) : (
                      <p className="text-sm text-slate-700">{c.confirmNoHistory}</p>
                    )}
                  </div>
                }
              />
            ) : (
              <p>{c.ownPayment}</p>
            )}
          </Card>
        )}
      </div>
      {payment.history.length > 0 && <PaymentHistory m={m} events={payment.history} kinds={{ [payment.kindCode]: kind }} />}
    </div>
  );
}
