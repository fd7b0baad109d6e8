import type { ActionResult } from '@/lib/action-result';

/** Adds the files and their number: the server refuses the form if any did not arrive. */
export function appendFiles(form: FormData, files: Iterable<File>): void {
  let count = 0;
  for (const f of files) {
    form.append('files', f);
    count += 1;
  }
  form.set('fileCount', String(count));
}

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
  appendFiles(form, files);
  try {
    return await action(form);
  } catch {
    return { ok: false, formError: 'errors.generic' };
  }
}

/** The files chosen in a form's `files` input (not the browser's "no file chosen" entry). */
export function chosenFiles(data: FormData): File[] {
  return data.getAll('files').filter((f): f is File => f instanceof File && f.name !== '');
}
