'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { consultationSchema, topicSchema, type ConsultationInput, type TopicInput } from '@/lib/consultation-schema';
import { runAction } from '@/server/action';
import { deleteTopic, recordConsultation, saveTopic } from './mutations';
import { lookupConsultationClient } from './queries';

export async function recordConsultationAction(input: ConsultationInput) {
  const result = await runAction('consultation.record', consultationSchema, input, (user, data, ctx) => recordConsultation(user, data, ctx));
  if (result.ok) revalidatePath('/noustamised', 'layout');
  return result;
}

export async function lookupConsultationClientAction(personalCode: string) {
  return runAction('consultation.client_lookup', z.string().regex(/^\d{11}$/), personalCode, (user, code, ctx) => lookupConsultationClient(user, code, ctx));
}

export async function saveTopicAction(input: TopicInput) {
  const result = await runAction('consultation.topic_save', topicSchema, input, (user, data, ctx) => saveTopic(user, data, ctx));
  if (result.ok) revalidatePath('/admin/noustamise-teemad');
  return result;
}

export async function deleteTopicAction(input: { code: string }) {
  const schema = z.object({ code: z.string().regex(/^[a-z0-9_]{1,60}$/) });
  const result = await runAction('consultation.topic_delete', schema, input, (user, data, ctx) => deleteTopic(user, data, ctx));
  if (result.ok) revalidatePath('/admin/noustamise-teemad');
  return result;
}
