'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { issueSchema, type IssueInput } from '@/lib/issuing-schema';
import { UPLOAD_LIMITS } from '@/lib/upload-limits';
import type { PublicVerification } from '@/lib/public-register';
import { runAction } from '@/server/action';
import { getRequestId } from '@/server/auth/current-user';
import { getLocale } from '@/server/i18n';
import { withRequestContext } from '@/server/observability/context';
import { clientIpFrom } from '@/server/ops/client-ip';
import { TemplateDataError } from '@/server/pdf';
import { issueDocument } from './mutations';
import { verifyPublicly } from './public-verify';
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

const MAX_PUBLIC_PDF_BYTES = 20 * 1024 * 1024;

/**
 * The public check's form (/kontrolli): a code, or a PDF file, and optionally the holder's
 * personal code. Anyone may call it: there is no session, and it answers only what the
 * public may know (server/issuing/public-verify.ts); limited per IP address there.
 * The personal code travels in the POST body only, never in an address.
 */
export async function verifyPublicAction(_previous: PublicVerification | null, formData: FormData): Promise<PublicVerification> {
  const file = formData.get('file');
  const code = String(formData.get('kood') ?? '').slice(0, 300);
  const personalCode = String(formData.get('isikukood') ?? '').slice(0, 40);
  let pdf: Uint8Array | undefined;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_PUBLIC_PDF_BYTES) return { status: 'unknown', byFile: true };
    pdf = new Uint8Array(await file.arrayBuffer());
  }
  const [requestId, locale, h] = await Promise.all([getRequestId(), getLocale(), headers()]);
  return withRequestContext({ requestId }, () => verifyPublicly({ code, pdf, personalCode }, { ip: clientIpFrom(h), requestId, locale }));
}
