import { ALLOWED_UPLOAD_TYPES, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '@/lib/incident-schema';
import { detectFileType, extensionFor } from '@/lib/file-type';
import { DomainError } from '@/server/errors';
import { safeFileName } from '@/server/files/check-upload';

import { assertFilesArrived, type UploadedFile } from '@/server/files/form-with-files';

export type { UploadedFile };
export type CheckedFile = { filename: string; mime: string; bytes: Uint8Array };

/**
 * Checks attachments before anything is written: how many, how large, and what they are
 * by their bytes. The stored name keeps the reporter's wording but its extension follows
 * the detected type, so a download never opens as something else.
 */
export function checkUploads(files: readonly UploadedFile[]): CheckedFile[] {
  assertFilesArrived(files);
  if (files.length > MAX_FILES) throw new DomainError('errors.tooManyFiles', 'files');
  let total = 0;
  return files.map((file) => {
    if (file.bytes.byteLength === 0) throw new DomainError('errors.attachmentEmpty', 'files');
    if (file.bytes.byteLength > MAX_FILE_BYTES) throw new DomainError('errors.attachmentTooLarge', 'files');
    total += file.bytes.byteLength;
    if (total > MAX_TOTAL_BYTES) throw new DomainError('errors.filesTooLarge', 'files');
    const mime = detectFileType(file.bytes);
    if (!mime || !(ALLOWED_UPLOAD_TYPES as readonly string[]).includes(mime)) throw new DomainError('errors.attachmentType', 'files');
    const base =
      safeFileName(file.name)
        .replace(/\.[^.]*$/, '')
        .trim()
        .slice(0, 120) || 'fail';
    return { filename: `${base}.${extensionFor[mime]}`, mime, bytes: file.bytes };
  });
}
