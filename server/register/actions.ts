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
  makePublicSchema,
  missingReceivedSchema,
  missingRequestSchema,
  registerDocumentSchema,
  replySchema,
  statusSchema,
  type DocumentTypeInput,
  type ExtendDeadlineInput,
  type ForwardInput,
  type ForwardToAuthorityInput,
  type MakePublicInput,
  type MissingReceivedInput,
  type MissingRequestInput,
  type StatusInput,
} from '@/lib/register-schema';
import { runAction } from '@/server/action';
import { makeDocumentPublic } from '@/server/public-register/mutations';
import { forwardDocument, forwardToAuthority, setDocumentStatus } from './forward';
import { extendDeadline, markMissingReceived, requestMissingDocuments } from './missing-documents';
import { registerDocument } from './register-document';
import { registerReply } from './reply';
import { addScans, certifyAttachment } from './scans';
import { readFormWithFiles } from '@/server/files/form-with-files';
import { addExtraDayOff, removeExtraDayOff, saveDocumentType } from './config';
import { findClientByCode } from './client-lookup';
import { calendarDate } from '@/lib/date-schema';
import { TemplateDataError } from '@/server/pdf';
import { broughtInSchema, registerBroughtIn } from './brought-in';
import { missingLetterSchema, requestMissingWithLetter, type MissingLetterInput } from './missing-letter';

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
  const result = await runAction('document.forward', forwardSchema, input, (user, data, ctx) => forwardDocument(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function setDocumentStatusAction(input: StatusInput) {
  const result = await runAction('document.status', statusSchema, input, (user, data, ctx) => setDocumentStatus(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function requestMissingAction(input: MissingRequestInput) {
  const result = await runAction('document.missing_request', missingRequestSchema, input, (user, data, ctx) => requestMissingDocuments(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function markMissingReceivedAction(input: MissingReceivedInput) {
  const result = await runAction('document.missing_received', missingReceivedSchema, input, (user, data, ctx) => markMissingReceived(user, data, ctx));
  if (result.ok) touched(input.documentId);
  return result;
}

export async function extendDeadlineAction(input: ExtendDeadlineInput) {
  const result = await runAction('document.extend_deadline', extendDeadlineSchema, input, (user, data, ctx) => extendDeadline(user, data, ctx));
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
  const result = await runAction('document.forward_authority', forwardToAuthoritySchema, input, (user, data, ctx) => forwardToAuthority(user, data, ctx));
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
  const result = await runAction('register.type_save', documentTypeSchema, input, (user, data, ctx) => saveDocumentType(user, data, ctx));
  if (result.ok) revalidatePath('/admin/dokumendiliigid');
  return result;
}

export async function addExtraDayOffAction(input: { day: string; reason: string }) {
  const result = await runAction('register.day_off_add', extraDayOffSchema, input, (user, data, ctx) => addExtraDayOff(user, data, ctx));
  if (result.ok) revalidatePath('/admin/dokumendiliigid');
  return result;
}

export async function removeExtraDayOffAction(input: { day: string }) {
  const result = await runAction('register.day_off_remove', z.object({ day: calendarDate }), input, (user, data, ctx) => removeExtraDayOff(user, data, ctx));
  if (result.ok) revalidatePath('/admin/dokumendiliigid');
  return result;
}

/** What the client brought, registered into their pending matter from the client card (FormData `input` + `files`). */
export async function registerBroughtInAction(formData: FormData) {
  const { input, files } = await readFormWithFiles(formData, 'input');
  const result = await runAction('document.brought_in', broughtInSchema, input, (user, data, ctx) => registerBroughtIn(user, data, files, ctx));
  if (result.ok) {
    revalidatePath('/kliendid');
    revalidatePath('/dokumendid');
  }
  return result;
}

/** "Küsi puuduvaid dokumente": the request and its letter, issued in the matter as one action. */
export async function requestMissingWithLetterAction(input: MissingLetterInput) {
  // The letter's field errors carry dotted paths (`documents.0.name`); the form's fields are under `data.`.
  let dataErrors: Record<string, string> | null = null;
  const result = await runAction('document.missing_letter', missingLetterSchema, input, (user, data, ctx) =>
    requestMissingWithLetter(user, data, ctx).catch((error: unknown) => {
      if (error instanceof TemplateDataError) dataErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`data.${k}`, v]));
      throw error;
    }),
  );
  if (!result.ok && dataErrors) return { ...result, fieldErrors: dataErrors };
  if (result.ok) {
    revalidatePath('/dokumendid');
    revalidatePath('/kliendid');
  }
  return result;
}

/** A restricted document's title made public in the public register by its unit's manager. */
export async function makeDocumentPublicAction(input: MakePublicInput) {
  const result = await runAction('document.make_public', makePublicSchema, input, (user, data, ctx) => makeDocumentPublic(user, data, ctx));
  if (result.ok) revalidatePath(`/dokumendid/${input.documentId}`);
  return result;
}
