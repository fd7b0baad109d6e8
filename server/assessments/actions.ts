'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { assessmentApplicationSchema } from '@/lib/assessment-schema';
import { runAction } from '@/server/action';
import { tallinnDate } from '@/server/calendar/working-days';
import { readFormWithFiles } from '@/server/files/form-with-files';
import { markForwardedToAuthority, registerAssessmentApplication } from './mutations';

export async function registerAssessmentAction(formData: FormData) {
  const { input, files } = await readFormWithFiles(formData, 'input');
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
