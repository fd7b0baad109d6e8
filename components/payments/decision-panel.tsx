'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import { decisionReason, type PaymentDecisionInput } from '@/lib/payment-schema';
import { ApproveButton } from './approve-button';

type Decide = (input: PaymentDecisionInput) => Promise<ActionResult<undefined | void>>;

/**
 * The approver's panel: approve, or give a reason and return the payment to its preparer for
 * correction or reject it. After a decision the page itself says what happened (`?tagastatud=1`,
 * `?tagasi_lykatud=1`), so the panel leaves the page.
 */
export function DecisionPanel({
  paymentId,
  version,
  canApprove,
  canReturn,
  approveAction,
  returnAction,
  rejectAction,
  approveSummary,
}: {
  paymentId: string;
  /** The version of the payment the page shows: a decision is about that and nothing newer. */
  version: string;
  canApprove: boolean;
  canReturn: boolean;
  approveAction: Parameters<typeof ApproveButton>[0]['action'];
  returnAction: Decide;
  rejectAction: Decide;
  /** What the approval dialog shows (rendered by the page). */
  approveSummary?: ReactNode;
}) {
  const m = useMessages();
  const c = m.payments.card;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [which, setWhich] = useState<'return' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const decide = (kind: 'return' | 'reject') => {
    setError(null);
    const checked = decisionReason.safeParse(reason);
    if (!checked.success) {
      setFieldError(messageByKey(m, checked.error.issues[0]?.message ?? 'errors.required'));
      return;
    }
    setFieldError(null);
    setWhich(kind);
    start(async () => {
      const action = kind === 'return' ? returnAction : rejectAction;
      const result = await action({ paymentId, version, reason }).catch((): ActionResult => ({ ok: false, formError: 'errors.generic' }));
      if (result.ok) router.replace(`/maksed/${paymentId}?${kind === 'return' ? 'tagastatud' : 'tagasi_lykatud'}=1`);
      else if (result.fieldErrors?.reason) setFieldError(messageByKey(m, result.fieldErrors.reason));
      else setError(messageByKey(m, result.formError ?? 'errors.generic'));
    });
  };

  return (
    <section className="flex flex-col gap-4" aria-labelledby="decision-title">
      <h2 id="decision-title" className="text-lg font-semibold">
        {c.decisionTitle}
      </h2>
      {canApprove && <ApproveButton paymentId={paymentId} version={version} action={approveAction} summary={approveSummary} />}
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="reason" label={c.reason} hint={c.reasonHint} error={fieldError ?? undefined}>
        <Textarea
          id="reason"
          rows={4}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldError ?? undefined}
          hint={c.reasonHint}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        {canReturn && (
          <Button type="button" variant="secondary" onClick={() => decide('return')} disabled={pending}>
            {pending && which === 'return' ? c.returning : c.returnForCorrection}
          </Button>
        )}
        <Button type="button" variant="danger" onClick={() => decide('reject')} disabled={pending}>
          {pending && which === 'reject' ? c.rejecting : c.reject}
        </Button>
      </div>
    </section>
  );
}
