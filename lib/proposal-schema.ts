import { z } from 'zod';
import { seenVersion } from './record-version';
import { text } from './task-schema';
import { noHiddenCharacters } from './hidden-characters';

// Improvement proposals to the manager (duty 3.13).

export const PROPOSAL_STATUSES = ['submitted', 'under_consideration', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_ANSWERS = ['accepted', 'under_consideration', 'declined'] as const;

export const proposalSchema = z.object({
  title: text(200).min(1, 'errors.required').refine(noHiddenCharacters, 'errors.hiddenCharacters'),
  description: text(4000).min(1, 'errors.required'),
});
export type ProposalInput = z.input<typeof proposalSchema>;

export const proposalAnswerSchema = z
  .object({ id: z.uuid(), version: seenVersion, status: z.enum(PROPOSAL_ANSWERS, 'errors.required'), answer: text(4000) })
  .refine((v) => v.status !== 'declined' || v.answer.length > 0, { message: 'errors.proposalReason', path: ['answer'] });
export type ProposalAnswerInput = z.input<typeof proposalAnswerSchema>;
