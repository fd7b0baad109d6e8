'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { assessmentApplicationSchema } from '@/lib/assessment-schema';
import { runAction } from '@/server/action';
import { tallinnDate } from '@/server/calendar/working-days';
import type { UploadedFile } from '@/server/register/mutations';
import { markForwardedToAuthority, registerAssessmentApplication } from './mutations';

// The form arrives as FormData: the fields as JSON in `input`, the attachments as `files`.
export async function registerAssessmentAction(formData: FormData) {
  let input: unknown = null;
  try {
    input = JSON.parse(String(formData.get('input') ?? 'null'));
  } catch {
    input = null;
  }
  const files: UploadedFile[] = [];
  for (const entry of formData.getAll('files')) {
    if (typeof entry === 'string' || (entry.size === 0 && entry.name === '')) continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const result = await runAction('assessment.register', assessmentApplicationSchema({ today: tallinnDate(new Date()) }), input, (user, data, ctx) =>
    registerAssessmentApplication(user, data, files, ctx),
  );
  if (result.ok) {
    revalidatePath('/ekspertiisitaotlused', 'layout');
    revalidatePath('/dokumendid');
  }
  return result;
}

export async function markForwardedToAuthorityAction(input: { id: string }) {
  const result = await runAction('assessment.forward_authority', z.object({ id: z.uuid() }), input, (user, data, ctx) =>
    markForwardedToAuthority(user, data, ctx),
  );
  if (result.ok) revalidatePath(`/ekspertiisitaotlused/${input.id}`);
  return result;
}
