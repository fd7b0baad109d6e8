'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import { PROPOSAL_ANSWERS, proposalAnswerSchema, type ProposalAnswerInput } from '@/lib/proposal-schema';

export function AnswerForm({
  id,
  version,
  current,
  action,
}: {
  id: string;
  /** The version of the proposal the page shows: the answer is to that. */
  version: string;
  current: { status: string; answer: string | null };
  action: (input: ProposalAnswerInput) => Promise<ActionResult<unknown>>;
}) {
  const m = useMessages();
  const p = m.proposals;
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState } = useForm<ProposalAnswerInput>({
    resolver: zodResolver(proposalAnswerSchema) as never,
    defaultValues: {
      id,
      version,
      status: (PROPOSAL_ANSWERS as readonly string[]).includes(current.status) ? (current.status as ProposalAnswerInput['status']) : 'accepted',
      answer: current.answer ?? '',
    },
  });
  const answerError = formState.errors.answer?.message ? messageByKey(m, String(formState.errors.answer.message)) : undefined;
  return (
    <form
      noValidate
      aria-labelledby="answer-title"
      className="flex flex-col gap-3"
      onSubmit={handleSubmit(async (values) => {
        const result = await action({ ...values, version });
        setMessage(result.ok ? { tone: 'success', text: p.answer.saved } : { tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
        if (result.ok) router.refresh();
      })}
    >
      <h2 id="answer-title" className="text-lg font-semibold">
        {p.answer.title}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field id="status" label={p.answer.status}>
        <Select id="status" {...register('status')}>
          {PROPOSAL_ANSWERS.map((s) => (
            <option key={s} value={s}>
              {p.statuses[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="answer" label={p.answer.text} error={answerError}>
        <Textarea id="answer" rows={4} error={answerError} {...register('answer')} />
      </Field>
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {p.answer.save}
        </Button>
      </div>
    </form>
  );
}
