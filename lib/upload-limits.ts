import numbers from './upload-limits.json' with { type: 'json' };

// The upload limits, one set of numbers (lib/upload-limits.json) that every layer enforces:
// - nginx refuses a request body over `requestMb` (deploy/nginx: client_max_body_size);
// - Next buffers a body that size through proxy.ts and accepts it in a server action
//   (next.config.js: experimental.proxyClientMaxBodySize and serverActions.bodySizeLimit,
//   both read from the JSON), so an upload under the limit is never cut off into an error;
// - the forms check the chosen files before sending, and the domain checks them again, each
//   with its own message: a register scan up to `scanMb`, a document's scans together up to
//   `documentScansMb` (ATTACHMENT_MAX_MB and DOCUMENT_MAX_MB may lower these, never raise
//   them); an incident's, task's or proposal's file up to `attachmentMb`, together up to
//   `attachmentsMb`; a PDF to verify up to `verifyPdfMb`.
// Every limit of one request stays under `requestMb`, with room for the form's own fields
// (lib/upload-limits.test.ts checks it, and that nginx and next.config.js agree).

export const MB = 1024 * 1024;

export const UPLOAD_MB = numbers;

export const UPLOAD_LIMITS = {
  requestBytes: numbers.requestMb * MB,
  scanBytes: numbers.scanMb * MB,
  documentScansBytes: numbers.documentScansMb * MB,
  attachmentBytes: numbers.attachmentMb * MB,
  attachmentsBytes: numbers.attachmentsMb * MB,
  verifyPdfBytes: numbers.verifyPdfMb * MB,
} as const;

/** A lower limit from the environment (in MB), never above the portal's own. */
export function loweredBy(envMb: string | undefined, maxMb: number): number {
  const mb = Number(envMb);
  return (Number.isFinite(mb) && mb > 0 ? Math.min(mb, maxMb) : maxMb) * MB;
}

export type ScanProblem = { key: 'errors.fileTooLarge' | 'errors.documentTooLarge'; params: Record<string, string> };

/**
 * The first reason the chosen scans cannot be sent, checked in the browser before the upload
 * (the server checks again): a file over the scan limit, or all of them over the document's.
 */
export function scanProblem(files: readonly { name: string; size: number }[]): ScanProblem | null {
  let total = 0;
  for (const file of files) {
    if (file.size > UPLOAD_LIMITS.scanBytes) return { key: 'errors.fileTooLarge', params: { name: file.name, mb: String(numbers.scanMb) } };
    total += file.size;
  }
  if (total > UPLOAD_LIMITS.documentScansBytes) return { key: 'errors.documentTooLarge', params: { mb: String(numbers.documentScansMb) } };
  return null;
}
