'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionResult } from '@/lib/action-result';
import type { Messages } from '@/lib/i18n';

/** A joint application sent on to the Unemployment Insurance Fund: one click records it. */
export function ForwardButton({ m, id, action }: { m: Messages; id: string; action: (input: { id: string }) => Promise<ActionResult<{ onTime: boolean }>> }) {
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
