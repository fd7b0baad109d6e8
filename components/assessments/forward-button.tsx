'use client';

import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionResult } from '@/lib/action-result';

/** A joint application sent on to the Unemployment Insurance Fund: one click records it. */
export function ForwardButton({ id, action }: { id: string; action: (input: { id: string }) => Promise<ActionResult<{ onTime: boolean }>> }) {
  const m = useMessages();
  const { pending, outcome, run } = useActionOutcome(m);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => action({ id }), m.assessments.card.forwardedNow)}>
          {m.assessments.card.markForwarded}
        </Button>
      </div>
      {outcome && <Alert tone={outcome.tone === 'error' ? 'error' : 'success'}>{outcome.text}</Alert>}
    </div>
  );
}
