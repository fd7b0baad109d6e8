'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';

export function MarkRead({ label, markRead }: { label: string; markRead: (input: { id: string }) => Promise<ActionResult<number>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await markRead({ id: 'all' });
          if (result.ok) router.refresh();
        })
      }
    >
      {label}
    </Button>
  );
}
