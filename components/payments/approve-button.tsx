'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import type { PaymentIdInput } from '@/lib/payment-schema';

// After approval the page itself says so (`?kinnitatud=1`): this panel leaves the page then.
export function ApproveButton({
  paymentId,
  version,
  action,
}: {
  paymentId: string;
  /** The version of the payment this page shows: the approval is of that and nothing newer. */
  version: string;
  action: (input: PaymentIdInput) => Promise<ActionResult<undefined | void>>;
}) {
  const m = useMessages();
  const c = m.payments.card;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const approve = () =>
    start(async () => {
      setError(null);
      const result = await action({ paymentId, version }).catch((): ActionResult => ({ ok: false, formError: 'errors.generic' }));
      if (result.ok) router.replace(`/maksed/${paymentId}?kinnitatud=1`);
      else setError(messageByKey(m, result.formError ?? 'errors.generic'));
    });
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert tone="error">{error}</Alert>}
      <div>
        <Button type="button" onClick={approve} disabled={pending}>
          {pending ? c.approving : c.approve}
        </Button>
      </div>
    </div>
  );
}
