import { Card } from '@/components/ui/card';
import { formatDate, formatDateTime, formatEuros } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';
import { formatIban } from '@/lib/iban';

type Event = {
  id: string;
  kind: 'returned' | 'resubmitted' | 'rejected';
  at: Date;
  actorName: string;
  reason: string | null;
  changes: Record<string, [string, string]> | null;
};

// The label each corrected field has on the payment page (or, for fields it shows together, on the form).
const labels = (m: Messages): Record<string, string> => ({
  kindCode: m.payments.form.kind,
  deceasedCode: m.payments.form.deceasedCode,
  deceasedName: m.payments.form.deceasedName,
  applicantCode: m.payments.form.applicantCode,
  applicantName: m.payments.form.applicantName,
  basis: m.payments.card.basis,
  amountCents: m.payments.card.amount,
  recipientName: m.payments.form.recipientName,
  recipientIban: m.payments.card.iban,
  decisionDate: m.payments.card.decisionDate,
});

/** Returns, corrections and a rejection, oldest first: the reasons stay after a resubmit. */
export function PaymentHistory({
  m,
  events,
  kinds,
  headingId = 'payment-history',
}: {
  m: Messages;
  events: Event[];
  kinds: Record<string, string>;
  headingId?: string;
}) {
  const c = m.payments.card;
  const label = labels(m);
  const show = (field: string, value: string) =>
    field === 'amountCents'
      ? formatEuros(Number(value))
      : field === 'recipientIban'
        ? formatIban(value)
        : field === 'decisionDate'
          ? formatDate(value)
          : field === 'kindCode'
            ? (kinds[value] ?? value)
            : value;
  return (
    <section className="flex flex-col gap-3" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {c.history}
      </h2>
      <Card>
        <ol className="flex flex-col gap-4 text-sm">
          {events.map((e) => {
            const changes = Object.entries(e.changes ?? {});
            return (
              <li key={e.id} className="border-l-4 border-slate-300 pl-3">
                <p className="font-semibold">{c.events[e.kind]}</p>
                <p className="text-slate-600">{fill(c.eventBy, { date: formatDateTime(e.at), name: e.actorName })}</p>
                {e.reason && (
                  <p className="mt-1 break-words whitespace-pre-line">
                    <span className="font-medium">{c.reason}:</span> {e.reason}
                  </p>
                )}
                {e.kind === 'resubmitted' &&
                  (changes.length ? (
                    <ul className="mt-1 list-disc pl-5">
                      {changes.map(([field, [before, after]]) => (
                        <li key={field}>
                          {fill(c.change, {
                            field: label[field] ?? field,
                            before: show(field, before),
                            after: show(field, after),
                          })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-slate-600">{c.noChanges}</p>
                  ))}
              </li>
            );
          })}
        </ol>
      </Card>
    </section>
  );
}
