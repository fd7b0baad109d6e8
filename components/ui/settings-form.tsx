'use client';

import type { ReactNode } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionResult } from '@/lib/action-result';

/**
 * A form whose fields edit one value held by the page (a matrix, a person's notice settings)
 * and save it whole: the fields, the save button, and below it what the save answered.
 */
export function SettingsForm<T>({
  value,
  save,
  saved,
  submitLabel,
  children,
}: {
  value: T;
  save: (input: T) => Promise<ActionResult<void>>;
  /** Said after a successful save. */
  saved: string;
  submitLabel: string;
  children: ReactNode;
}) {
  const { pending, outcome, run } = useActionOutcome(useMessages());
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => save(value), saved);
      }}
    >
      {children}
      <div>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
    </form>
  );
}
