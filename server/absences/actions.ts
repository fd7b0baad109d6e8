'use server';

import { revalidatePath } from 'next/cache';
import { absenceIdSchema, absenceSchema, type AbsenceInput } from '@/lib/absence-schema';
import { runAction } from '@/server/action';
import { cancelAbsence, saveAbsence } from './mutations';

export async function saveAbsenceAction(input: AbsenceInput) {
  const result = await runAction('absence.create', absenceSchema, input, (user, data, ctx) => saveAbsence(user, data, ctx));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function cancelAbsenceAction(input: { id: string }) {
  const result = await runAction('absence.cancel', absenceIdSchema, input, (user, data, ctx) => cancelAbsence(user, data, ctx));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
