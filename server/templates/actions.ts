'use server';

import { revalidatePath } from 'next/cache';
import {
  draftActionSchema,
  publishTextsSchema,
  returnTextsSchema,
  saveTextsSchema,
  type PublishTextsInput,
  type ReturnTextsInput,
  type SaveTextsInput,
} from '@/lib/template-texts-schema';
import { runAction } from '@/server/action';
import { discardTextsDraft, publishTexts, returnTextsDraft, saveTextsDraft, submitTextsDraft } from './mutations';

const refresh = (templateId: string) => {
  revalidatePath('/admin/mallid');
  revalidatePath(`/admin/mallid/${templateId}/tekstid`);
};

export async function saveTextsAction(input: SaveTextsInput) {
  const result = await runAction('template_texts.save', saveTextsSchema, input, (user, data, ctx) => saveTextsDraft(user, data, ctx));
  if (result.ok && result.data.saved) refresh(input.templateId);
  return result;
}

export async function submitTextsAction(templateId: string) {
  const result = await runAction('template_texts.submit', draftActionSchema, { templateId }, (user, data, ctx) => submitTextsDraft(user, data.templateId, ctx));
  if (result.ok && result.data.submitted) refresh(templateId);
  return result;
}

export async function returnTextsAction(input: ReturnTextsInput) {
  const result = await runAction('template_texts.return', returnTextsSchema, input, (user, data, ctx) => returnTextsDraft(user, data, ctx));
  if (result.ok) refresh(input.templateId);
  return result;
}

export async function discardTextsAction(templateId: string) {
  const result = await runAction('template_texts.discard', draftActionSchema, { templateId }, (user, data, ctx) =>
    discardTextsDraft(user, data.templateId, ctx),
  );
  if (result.ok) refresh(templateId);
  return result;
}

export async function publishTextsAction(input: PublishTextsInput) {
  const result = await runAction('template_texts.publish', publishTextsSchema, input, (user, data, ctx) => publishTexts(user, data, ctx));
  if (result.ok) refresh(input.templateId);
  return result;
}
