'use server';

import { revalidatePath } from 'next/cache';
import { autoAssignSchema, type AutoAssignInput } from '@/lib/workload-schema';
import { runAction } from '@/server/action';
import { setAutoAssign } from './config';

export async function setAutoAssignAction(input: AutoAssignInput) {
  const result = await runAction('distribution.set', autoAssignSchema, input, (user, data, ctx) => setAutoAssign(user, data, ctx));
  if (result.ok) revalidatePath('/jaotamine');
  return result;
}
