'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';

export function OutboxRetry({ id, retry }: { id: string; retry: (input: { id: string }) => Promise<ActionResult<void>> }) {
  const m = useMessages();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await retry({ id });
            if (result.ok) router.refresh();
            else setError(messageByKey(m, result.formError ?? 'errors.generic'));
          })
        }
      >
        {m.notifications.outboxRetry}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
