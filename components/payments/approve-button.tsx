'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition, type ReactNode } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import type { PaymentIdInput } from '@/lib/payment-schema';

// Approving asks first, in a dialog showing what is approved (`summary`: the decision it rests
// on, recipient, IBAN, amount, the history of changes). After approval the page itself says so
// (`?kinnitatud=1`): this panel leaves the page then.
export function ApproveButton({
  paymentId,
  version,
  action,
  summary,
}: {
  paymentId: string;
  /** The version of the payment this page shows: the approval is of that and nothing newer. */
  version: string;
  action: (input: PaymentIdInput) => Promise<ActionResult<undefined | void>>;
  summary?: ReactNode;
}) {
  const m = useMessages();
  const c = m.payments.card;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const approve = () =>
    start(async () => {
      setError(null);
      dialog.current?.close();
      const result = await action({ paymentId, version }).catch((): ActionResult => ({ ok: false, formError: 'errors.generic' }));
      if (result.ok) router.replace(`/maksed/${paymentId}?kinnitatud=1`);
      else setError(messageByKey(m, result.formError ?? 'errors.generic'));
    });
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="error">{error}</Alert>}
      <div>
        <Button type="button" onClick={() => dialog.current?.showModal()} disabled={pending}>
          {pending ? c.approving : c.approve}
        </Button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby="approve-title"
        className="w-full max-w-2xl rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex flex-col gap-4 p-6">
          <h2 id="approve-title" className="text-lg font-semibold">
            {c.confirmTitle}
          </h2>
          <p className="text-sm text-slate-700">{c.confirmLead}</p>
          {summary}
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={approve} disabled={pending}>
              {c.confirmApprove}
            </Button>
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              {c.confirmCancel}
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
