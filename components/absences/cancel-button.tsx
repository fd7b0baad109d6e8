'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';

export function CancelAbsenceButton({ id, label, action }: { id: string; label: string; action: (input: { id: string }) => Promise<ActionResult<unknown>> }) {
  const m = useMessages();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-label={label}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action({ id });
            if (result.ok) router.refresh();
            else setError(messageByKey(m, result.formError ?? 'errors.generic'));
          })
        }
      >
        {m.absences.cancel}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
