import { DomainError } from '@/server/errors';

/** A file as an upload arrived: its name as the person's computer had it, and its bytes. */
export type UploadedFile = { name: string; bytes: Uint8Array };

/** The files of one form; `incomplete` when fewer or more arrived than the form sent. */
export type UploadedFiles = UploadedFile[] & { incomplete?: boolean };

/** The field in which a form says how many files it sends (`appendFiles` in components/ui/send-with-files.ts). */
export const FILE_COUNT_FIELD = 'fileCount';

/**
 * A form sent with its files (components/ui/send-with-files.ts, the register's form): the
 * values as JSON in `field`, the files as `files`, their number in `fileCount`. Values that
 * are not JSON read as null, and the action's schema reports the fields missing. The
 * browser's entry for "no file chosen" (no name, no bytes) is skipped; a chosen empty file
 * is kept, so the upload check refuses it with a message instead of dropping it unseen.
 *
 * A part whose header the multipart parser cannot read (a raw `"` in its file name, from a
 * client that does not escape it as browsers do) is dropped before the action sees it. So
 * the form counts its files, and when the count does not match, the upload checks
 * (`assertFilesArrived`) refuse the whole submission: never a record without its file.
 */
export async function readFormWithFiles(form: FormData, field = 'data'): Promise<{ input: unknown; files: UploadedFiles }> {
  let input: unknown = null;
  try {
    input = JSON.parse(String(form.get(field) ?? 'null'));
  } catch {
    input = null;
  }
  const chosen = form.getAll('files').filter((entry): entry is File => typeof entry !== 'string' && !(entry.size === 0 && entry.name === ''));
  const files: UploadedFiles = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const sent = form.get(FILE_COUNT_FIELD);
  const declared = sent === null ? 0 : /^\d{1,4}$/.test(String(sent)) ? Number(sent) : -1;
  if (declared !== files.length) files.incomplete = true;
  return { input, files };
}

/** Refuses the submission when a file the form sent did not arrive (see readFormWithFiles). */
export function assertFilesArrived(files: readonly UploadedFile[] & { incomplete?: boolean }): void {
  if (files.incomplete) throw new DomainError('errors.filesIncomplete', 'files');
}
