'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { issueSchema, type IssueInput } from '@/lib/issuing-schema';
import { UPLOAD_LIMITS } from '@/lib/upload-limits';
import { runAction } from '@/server/action';
import { TemplateDataError } from '@/server/pdf';
import { issueDocument } from './mutations';
import { verifyDocument } from './queries';

export async function issueDocumentAction(input: IssueInput) {
  // The template's field errors carry dotted paths (`client.personalCode`); the form's fields are under `data.`.
  let dataErrors: Record<string, string> | null = null;
  const result = await runAction('document.issue', issueSchema, input, (user, data, ctx) =>
    issueDocument(user, data, ctx).catch((error: unknown) => {
      if (error instanceof TemplateDataError) dataErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`data.${k}`, v]));
      throw error;
    }),
  );
  if (!result.ok && dataErrors) return { ...result, fieldErrors: dataErrors };
  if (result.ok) {
    revalidatePath('/dokumendid');
    revalidatePath('/kliendid');
  }
  return result;
}

/** "Kontrolli dokumenti" with an uploaded PDF (FormData `file`). */
export async function verifyPdfAction(formData: FormData) {
  const file = formData.get('file');
  const bytes =
    file && typeof file !== 'string' && file.size > 0 && file.size <= UPLOAD_LIMITS.verifyPdfBytes ? new Uint8Array(await file.arrayBuffer()) : null;
  return runAction('document.verify', z.object({}), {}, (user, _data, ctx) =>
    bytes ? verifyDocument(user, { pdf: bytes }, ctx) : Promise.resolve({ status: 'unknown' as const, code: null }),
  );
}
