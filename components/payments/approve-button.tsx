'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionResult } from '@/lib/action-result';
import type { Messages } from '@/lib/i18n';
import type { PaymentIdInput } from '@/lib/payment-schema';

export function ApproveButton({
  m,
  paymentId,
  action,
}: {
  m: Messages;
  paymentId: string;
  action: (input: PaymentIdInput) => Promise<ActionResult<undefined | void>>;
}) {
  const c = m.payments.card;
  const { pending, outcome, run } = useActionOutcome(m);
  return (
    <div className="flex flex-col gap-3">
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      {outcome?.tone !== 'success' && (
        <div>
          <Button type="button" onClick={() => run(() => action({ paymentId }), c.approvedMessage)} disabled={pending}>
            {pending ? c.approving : c.approve}
          </Button>
        </div>
      )}
    </div>
  );
}
