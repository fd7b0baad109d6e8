'use server';

import { revalidatePath } from 'next/cache';
import { overpaymentSchema, type OverpaymentInput } from '@/lib/overpayment-schema';
import { runAction } from '@/server/action';
import { overpaymentRules, registerOverpaymentApplication } from './mutations';

export async function registerOverpaymentAction(input: OverpaymentInput) {
  const result = await runAction('overpayment.register', overpaymentSchema(overpaymentRules()), input, (user, data, ctx) =>
    registerOverpaymentApplication(user, data, ctx),
  );
  if (result.ok) revalidatePath('/dokumendid', 'layout');
  return result;
}
