'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { BULK_LIMITS } from '@/templates/bulk';
import { ISSUE_METHODS } from '@/lib/issuing-schema';
import { runAction } from '@/server/action';
import { cancelBulkRun, startBulkRun, uploadBulkRun } from './mutations';
import { bulkRunProgress } from './queries';

const uploadSchema = z.object({
  templateId: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(100),
  method: z.enum(ISSUE_METHODS, { error: 'errors.required' }),
});
const runSchema = z.object({ runId: z.uuid({ error: 'errors.notFound' }) });

/** Checks an uploaded CSV (FormData `templateId`, `method`, `file`): the report, or the run waiting to be confirmed. */
export async function uploadBulkAction(formData: FormData) {
  const file = formData.get('file');
  // One byte over the limit is enough for the check to say the file is too large.
  const bytes = file && typeof file !== 'string' ? new Uint8Array(await file.slice(0, BULK_LIMITS.maxBytes + 1).arrayBuffer()) : new Uint8Array();
  const fileName = file && typeof file !== 'string' ? file.name : '';
  const input = { templateId: formData.get('templateId'), method: formData.get('method') };
  const result = await runAction('bulk.upload', uploadSchema, input, (user, data, ctx) => uploadBulkRun(user, { ...data, fileName, bytes }, ctx));
  if (result.ok && result.data.valid) revalidatePath('/valjasta/hulgi');
  return result;
}

/** "Väljasta N dokumenti": rate-limited per person (server/ops/rate-limit.ts, `bulk`). */
export async function startBulkAction(input: { runId: string }) {
  const result = await runAction('bulk.start', runSchema, input, (user, data, ctx) => startBulkRun(user, data.runId, ctx));
  revalidatePath(`/valjasta/hulgi/${input.runId}`);
  return result;
}

export async function cancelBulkAction(input: { runId: string }) {
  const result = await runAction('bulk.cancel', runSchema, input, (user, data, ctx) => cancelBulkRun(user, data.runId, ctx));
  revalidatePath(`/valjasta/hulgi/${input.runId}`);
  return result;
}

/** What the progress bar polls. */
export async function bulkProgressAction(input: { runId: string }) {
  return runAction('bulk.progress', runSchema, input, (user, data) => bulkRunProgress(user, data.runId));
}
