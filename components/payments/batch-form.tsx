'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { formatEuros } from '@/lib/format';
import { fill, messageByKey } from '@/lib/i18n';
import { formatIban } from '@/lib/iban';
import type { CreateBatchInput } from '@/lib/payment-schema';

type Row = { id: string; deceasedName: string; recipientName: string; recipientIban: string; amountCents: number; approvedByName: string | null };

export function BatchForm({
  rows,
  defaultExecutionDate,
  action,
}: {
  rows: Row[];
  defaultExecutionDate: string;
  action: (input: CreateBatchInput) => Promise<ActionResult<{ id: string; messageId: string }>>;
}) {
  const m = useMessages();
  const b = m.payments.batches;
  const c = m.payments.columns;
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(rows.map((r) => r.id)));
  const [executionDate, setExecutionDate] = useState(defaultExecutionDate);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const total = rows.filter((r) => chosen.has(r.id)).reduce((sum, r) => sum + r.amountCents, 0);

  function toggle(id: string) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setFieldError({});
    let result: ActionResult<{ id: string; messageId: string }>;
    try {
      result = await action({ paymentIds: [...chosen], executionDate });
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: 'success', text: fill(b.created, { messageId: result.data.messageId }) });
      setChosen(new Set());
      router.refresh();
      return;
    }
    setFieldError(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, messageByKey(m, v)])));
    setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-labelledby="batch-form-title">
      <h2 id="batch-form-title" className="text-lg font-semibold">
        {b.approved}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {rows.length === 0 ? (
        <p>{b.noneApproved}</p>
      ) : (
        <>
          <fieldset className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <legend className="sr-only">{b.approved}</legend>
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {b.select}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {c.deceased}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {c.recipient}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    IBAN
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {c.amount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-slate-200 align-middle">
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        id={`pay-${row.id}`}
                        className="block h-4 w-4"
                        checked={chosen.has(row.id)}
                        onChange={() => toggle(row.id)}
                        aria-label={`${b.select}: ${row.recipientName}, ${formatEuros(row.amountCents)}`}
                      />
                    </td>
                    <td className="px-3 py-2">{row.deceasedName}</td>
                    <td className="px-3 py-2">{row.recipientName}</td>
                    <td className="px-3 py-2 font-mono whitespace-nowrap">{formatIban(row.recipientIban)}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">{formatEuros(row.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
          {fieldError.paymentIds && (
            <p className="text-sm text-red-700" role="alert">
              {fieldError.paymentIds}
            </p>
          )}
          <p aria-live="polite">{fill(b.total, { count: chosen.size, sum: formatEuros(total) })}</p>
          <div className="max-w-xs">
            <Field id="executionDate" label={b.executionDate} hint={b.executionDateHint} error={fieldError.executionDate}>
              <Input
                id="executionDate"
                type="date"
                value={executionDate}
                onChange={(e) => setExecutionDate(e.target.value)}
                aria-invalid={fieldError.executionDate ? true : undefined}
                aria-describedby={fieldError.executionDate ? 'executionDate-error' : 'executionDate-hint'}
              />
            </Field>
          </div>
          <div>
            <Button type="submit" disabled={busy || chosen.size === 0}>
              {busy ? b.creating : b.create}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
