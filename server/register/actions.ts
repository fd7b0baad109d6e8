'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  attachmentIdSchema,
  documentTypeSchema,
  extendDeadlineSchema,
  extraDayOffSchema,
  forwardSchema,
  forwardToAuthoritySchema,
  missingReceivedSchema,
  missingRequestSchema,
  registerDocumentSchema,
  replySchema,
  statusSchema,
  type DocumentTypeInput,
  type ExtendDeadlineInput,
  type ForwardInput,
  type ForwardToAuthorityInput,
  type MissingRequestInput,
} from '@/lib/register-schema';
import { runAction } from '@/server/action';
import { makeDocumentPublic } from '@/server/public-register/mutations';
import {
  addScans,
  certifyAttachment,
  extendDeadline,
  forwardDocument,
  forwardToAuthority,
  markMissingReceived,
  registerDocument,
  registerReply,
  requestMissingDocuments,
  setDocumentStatus,
} from './mutations';
import { readFormWithFiles } from '@/server/files/form-with-files';
import { addExtraDayOff, removeExtraDayOff, saveDocumentType } from './config';
import { findClientByCode } from './queries';

const touched = (id?: string) => {
  revalidatePath('/dokumendid');
  if (id) revalidatePath(`/dokumendid/${id}`);
};

export async function registerDocumentAction(formData: FormData) {
  const { input, files } = await readFormWithFiles(formData, 'input');
  // No revalidatePath: the form goes on to the new document's card, and revalidating here
  // would make Next render the registration page again into the action's answer (77 KiB
  // per registration under bench:load) only for the browser to leave it.
  return runAction('document.register', registerDocumentSchema, input, (user, data, ctx) => registerDocument(user, data, files, ctx));
}

export async function forwardDocumentAction(input: ForwardInput) {
  const result = await runAction('document.forward', forwardSchema, input, (user, _d, ctx) => forwardDocument(user, input, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function setDocumentStatusAction(input: z.input<typeof statusSchema>) {
  const result = await runAction('document.status', statusSchema, input, (user, data, ctx) => setDocumentStatus(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function requestMissingAction(input: MissingRequestInput) {
  const result = await runAction('document.missing_request', missingRequestSchema, input, (user, _d, ctx) => requestMissingDocuments(user, input, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function markMissingReceivedAction(input: z.input<typeof missingReceivedSchema>) {
  const result = await runAction('document.missing_received', missingReceivedSchema, input, (user, data, ctx) => markMissingReceived(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function extendDeadlineAction(input: ExtendDeadlineInput) {
  const result = await runAction('document.extend_deadline', extendDeadlineSchema, input, (user, _d, ctx) => extendDeadline(user, input, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function registerReplyAction(formData: FormData) {
  const { input, files } = await readFormWithFiles(formData, 'input');
  const result = await runAction('document.reply', replySchema, input, (user, data, ctx) => registerReply(user, data, files, ctx));
  if (result.ok) touched((input as { documentId?: string })?.documentId);
  return result;
}

export async function forwardToAuthorityAction(input: ForwardToAuthorityInput) {
  const result = await runAction('document.forward_authority', forwardToAuthoritySchema, input, (user, _d, ctx) => forwardToAuthority(user, input, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function addScansAction(formData: FormData) {
  const { input, files } = await readFormWithFiles(formData, 'input');
  const schema = z.object({ documentId: z.uuid() });
  const result = await runAction('document.attach', schema, input, (user, data, ctx) => addScans(user, data.documentId, files, ctx));
  if (result.ok) touched((input as { documentId?: string })?.documentId);
  return result;
}

export async function certifyAttachmentAction(input: { attachmentId: string; documentId: string }) {
  const result = await runAction('document.certify_copy', attachmentIdSchema, input, (user, data, ctx) => certifyAttachment(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

/** The client's name for the registration form, when the code is already known. */
export async function lookupClientAction(personalCode: string) {
  return runAction('client.lookup', z.string().regex(/^\d{11}$/), personalCode, (user, code, ctx) => findClientByCode(user, code, ctx));
}

export async function saveDocumentTypeAction(input: DocumentTypeInput) {
  const result = await runAction('register.type_save', documentTypeSchema, input, (user, _d, ctx) => saveDocumentType(user, input, ctx));
  if (result.ok) revalidatePath('/admin/dokumendiliigid');
  return result;
}

export async function addExtraDayOffAction(input: { day: string; reason: string }) {
  const result = await runAction('register.day_off_add', extraDayOffSchema, input, (user, data, ctx) => addExtraDayOff(user, data, ctx));
  if (result.ok) revalidatePath('/admin/dokumendiliigid');
  return result;
}

export async function removeExtraDayOffAction(input: { day: string }) {
  const result = await runAction('register.day_off_remove', z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), input, (user, data, ctx) =>
    removeExtraDayOff(user, data, ctx),
  );
  if (result.ok) revalidatePath('/admin/dokumendiliigid');
  return result;
}

const publishSchema = z.object({ documentId: z.uuid() });

/** A restricted document's title made public in the public register by its unit's manager. */
export async function makeDocumentPublicAction(input: z.input<typeof publishSchema>) {
  const result = await runAction('document.make_public', publishSchema, input, (user, data, ctx) => makeDocumentPublic(user, data, ctx));
  if (result.ok) revalidatePath(`/dokumendid/${input.documentId}`);
  return result;
}
