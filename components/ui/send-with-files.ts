import type { ActionResult } from '@/lib/action-result';

/**
 * Sends a form's values (as JSON in `data`) and its files to a server action that takes
 * FormData. A request that fails on the way (network, server restart) comes back as a
 * generic error result, so the form always has a message to show.
 */
export async function sendWithFiles<T>(
  action: (form: FormData) => Promise<ActionResult<T>>,
  values: unknown,
  files: readonly File[],
): Promise<ActionResult<T>> {
  const form = new FormData();
  form.set('data', JSON.stringify(values));
  for (const f of files) form.append('files', f);
  try {
    return await action(form);
  } catch {
    return { ok: false, formError: 'errors.generic' };
  }
}
