/** A file as an upload arrived: its name as the person's computer had it, and its bytes. */
export type UploadedFile = { name: string; bytes: Uint8Array };

/**
 * A form sent with its files (components/ui/send-with-files.ts, the register's form): the
 * values as JSON in `field`, the files as `files`. Values that are not JSON read as null, and
 * the action's schema reports the fields missing. The browser's entry for "no file chosen"
 * (no name, no bytes) is skipped; a chosen empty file is kept, so the upload check refuses it
 * with a message instead of dropping it unseen.
 */
export async function readFormWithFiles(form: FormData, field = 'data'): Promise<{ input: unknown; files: UploadedFile[] }> {
  let input: unknown = null;
  try {
    input = JSON.parse(String(form.get(field) ?? 'null'));
  } catch {
    input = null;
  }
  const chosen = form.getAll('files').filter((entry): entry is File => typeof entry !== 'string' && !(entry.size === 0 && entry.name === ''));
  const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return { input, files };
}
