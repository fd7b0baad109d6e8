'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey, type Messages } from '@/lib/i18n';
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
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function approve() {
    setBusy(true);
    setMessage(null);
    let result: ActionResult<undefined | void>;
    try {
      result = await action({ paymentId });
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: 'success', text: c.approvedMessage });
      router.refresh();
    } else setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
  }

  return (
    <div className="flex flex-col gap-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {message?.tone !== 'success' && (
        <div>
          <Button type="button" onClick={approve} disabled={busy}>
            {busy ? c.approving : c.approve}
          </Button>
        </div>
      )}
    </div>
  );
}
