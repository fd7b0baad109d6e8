'use server';

import { revalidatePath } from 'next/cache';
import {
  benefitKindSchema,
  createBatchSchema,
  paymentIdSchema,
  preparePaymentSchema,
  type BenefitKindInput,
  type CreateBatchInput,
  type PaymentIdInput,
  type PreparePaymentInput,
} from '@/lib/payment-schema';
import { runAction } from '@/server/action';
import { approvePayment, createBatch, preparePayment, saveBenefitKind } from './mutations';

export async function preparePaymentAction(input: PreparePaymentInput) {
  const result = await runAction('payment.prepare', preparePaymentSchema, input, (user, data, ctx) => preparePayment(user, data, ctx));
  if (result.ok) revalidatePath('/maksed', 'layout');
  return result;
}

export async function approvePaymentAction(input: PaymentIdInput) {
  const result = await runAction('payment.approve', paymentIdSchema, input, (user, data, ctx) => approvePayment(user, data, ctx));
  if (result.ok) revalidatePath('/maksed', 'layout');
  return result;
}

export async function createBatchAction(input: CreateBatchInput) {
  const result = await runAction('payment_batch.create', createBatchSchema, input, (user, data, ctx) => createBatch(user, data, ctx));
  if (result.ok) revalidatePath('/maksed', 'layout');
  return result;
}

export async function saveBenefitKindAction(input: BenefitKindInput) {
  const result = await runAction('benefit_kind.save', benefitKindSchema, input, (user, data, ctx) => saveBenefitKind(user, data, ctx));
  if (result.ok) revalidatePath('/admin/toetuseliigid');
  return result;
}
