'use server';

import { revalidatePath } from 'next/cache';
import {
  benefitKindSchema,
  correctPaymentSchema,
  createBatchSchema,
  paymentDecisionSchema,
  paymentIdSchema,
  preparePaymentSchema,
  type BenefitKindInput,
  type CorrectPaymentInput,
  type CreateBatchInput,
  type PaymentDecisionInput,
  type PaymentIdInput,
  type PreparePaymentInput,
} from '@/lib/payment-schema';
import { runAction } from '@/server/action';
import { approvePayment, preparePayment, rejectPayment, resubmitPayment, returnPayment, saveBenefitKind } from './mutations';
import { createBatch } from './batch';

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

export async function returnPaymentAction(input: PaymentDecisionInput) {
  const result = await runAction('payment.return', paymentDecisionSchema, input, (user, data, ctx) => returnPayment(user, data, ctx));
  if (result.ok) revalidatePath('/maksed', 'layout');
  return result;
}

export async function rejectPaymentAction(input: PaymentDecisionInput) {
  const result = await runAction('payment.reject', paymentDecisionSchema, input, (user, data, ctx) => rejectPayment(user, data, ctx));
  if (result.ok) revalidatePath('/maksed', 'layout');
  return result;
}

export async function resubmitPaymentAction(input: CorrectPaymentInput) {
  const result = await runAction('payment.resubmit', correctPaymentSchema, input, (user, data, ctx) => resubmitPayment(user, data, ctx));
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
