'use server';

import { revalidatePath } from 'next/cache';
import { proposalAnswerSchema, proposalSchema, type ProposalAnswerInput } from '@/lib/proposal-schema';
import { runAction } from '@/server/action';
import { readFormWithFiles } from '@/server/files/form-with-files';
import { answerProposal, submitProposal } from './mutations';

export async function submitProposalAction(form: FormData) {
  const { input, files } = await readFormWithFiles(form);
  const result = await runAction('proposal.submit', proposalSchema, input, (user, data, ctx) => submitProposal(user, data, files, ctx));
  if (result.ok) revalidatePath('/ettepanekud', 'layout');
  return result;
}

export async function answerProposalAction(input: ProposalAnswerInput) {
  const result = await runAction('proposal.answer', proposalAnswerSchema, input, (user, data, ctx) => answerProposal(user, data, ctx));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
