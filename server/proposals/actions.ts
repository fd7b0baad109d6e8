'use server';

import { revalidatePath } from 'next/cache';
import { proposalAnswerSchema, proposalSchema, type ProposalAnswerInput } from '@/lib/proposal-schema';
import { runAction } from '@/server/action';
import type { UploadedFile } from '@/server/incidents/files';
import { answerProposal, submitProposal } from './mutations';

// The proposal form comes as FormData: the fields as JSON in `data`, the file as `files`.
export async function submitProposalAction(form: FormData) {
  let input: unknown = null;
  try {
    input = JSON.parse(String(form.get('data') ?? 'null'));
  } catch {
    // parsed as null: the schema reports the fields missing
  }
  const files: UploadedFile[] = await Promise.all(
    form
      .getAll('files')
      .filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0)
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const result = await runAction('proposal.submit', proposalSchema, input, (user, data, ctx) => submitProposal(user, data, files, ctx));
  if (result.ok) revalidatePath('/ettepanekud', 'layout');
  return result;
}

export async function answerProposalAction(input: ProposalAnswerInput) {
  const result = await runAction('proposal.answer', proposalAnswerSchema, input, (user, data, ctx) => answerProposal(user, data, ctx));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
