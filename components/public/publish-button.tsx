'use client';

import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import { makeDocumentPublicAction } from '@/server/register/actions';

/** On a restricted document's card, for its unit's manager: show its title in the public register from now on. */
export function PublishButton({
  documentId,
  version,
}: {
  documentId: string;
  /** The version of the document its card shows: what is made public is that. */
  version: string;
}) {
  const m = useMessages();
  const p = m.publicPages;
  const { pending, outcome, run } = useActionOutcome(m);
  return (
    <div className="flex flex-col gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (window.confirm(p.confirmPublic)) run(() => makeDocumentPublicAction({ documentId, version }), p.madePublic);
        }}
      >
        {p.makePublic}
      </Button>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
    </div>
  );
}
