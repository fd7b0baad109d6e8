'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { fill, messageByKey } from '@/lib/i18n';
import type { AutoAssignInput } from '@/lib/workload-schema';

export function DistributionToggle({
  unitCode,
  regionCode,
  type,
  enabled,
  action,
}: {
  unitCode: string;
  regionCode: string;
  type: { code: string; name: string };
  enabled: boolean;
  action: (input: AutoAssignInput) => Promise<ActionResult<unknown>>;
}) {
  const m = useMessages();
  const d = m.workload.distribution;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const label = enabled ? d.turnOff : d.turnOn;
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        size="sm"
        variant={enabled ? 'secondary' : 'primary'}
        aria-label={fill(d.toggle, { action: label, type: type.name })}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action({ unitCode, regionCode, typeCode: type.code, enabled: !enabled });
            if (result.ok) router.refresh();
            else setError(messageByKey(m, result.formError ?? 'errors.generic'));
          })
        }
      >
        {label}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
