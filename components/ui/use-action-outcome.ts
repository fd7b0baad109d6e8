'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { fill, messageByKey, type Messages } from '@/lib/i18n';

export type Outcome = { tone: 'success' | 'error'; text: string } | null;
type Success<T> = string | ((data: T) => string);

/**
 * What every action panel does with a server action's result: show it in the person's
 * language and, after a success, re-read the page's server data. `report` takes a result
 * already awaited (react-hook-form submit handlers); `run` calls the action in a transition
 * (buttons and plain forms) and exposes `pending` so they can be disabled meanwhile.
 */
export function useActionOutcome(m: Messages) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const report = <T>(result: ActionResult<T>, success: Success<T>): ActionResult<T> => {
    if (result.ok) {
      setOutcome({ tone: 'success', text: typeof success === 'function' ? success(result.data) : success });
      router.refresh();
    } else {
      const fieldKey = Object.values(result.fieldErrors ?? {})[0];
      setOutcome({ tone: 'error', text: fill(messageByKey(m, fieldKey ?? result.formError ?? 'errors.generic'), result.params ?? {}) });
    }
    return result;
  };
  const run = <T>(call: () => Promise<ActionResult<T>>, success: Success<T>) => start(async () => void report(await call(), success));
  return { pending, outcome, report, run };
}
