import { scanProblem } from '@/lib/upload-limits';

/**
 * Scans over the limit are told before they are sent (lib/upload-limits.ts), as the action's
 * own refusal would be; the server checks again. Null when the scans may go.
 */
export function refuseTooLarge(files: readonly File[]): Promise<{ ok: false; formError: string; params: Record<string, string> }> | null {
  const problem = scanProblem(files);
  return problem ? Promise.resolve({ ok: false, formError: problem.key, params: problem.params }) : null;
}
