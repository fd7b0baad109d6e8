'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import {
  incidentCommentSchema,
  incidentStatusSchema,
  TRANSITIONS,
  type IncidentCommentInput,
  type IncidentStatus,
  type IncidentStatusInput,
  type IncidentTakeInput,
} from '@/lib/incident-schema';

type Result = Promise<ActionResult<unknown>>;
type Props = {
  /** `version`: the ticket as the page shows it; taking it or moving its status is a decision on that. */
  ticket: { id: string; version: string; status: IncidentStatus; canWork: boolean; isMine: boolean };
  actions: {
    take: (input: IncidentTakeInput) => Result;
    status: (input: IncidentStatusInput) => Result;
    comment: (input: IncidentCommentInput) => Result;
  };
};

export function TicketActions({ ticket, actions }: Props) {
  const m = useMessages();
  const t = m.incidents;
  const { pending, outcome: message, report: done, run } = useActionOutcome(m);

  const next = TRANSITIONS[ticket.status];
  const statusForm = useForm<IncidentStatusInput>({
    resolver: zodResolver(incidentStatusSchema) as never,
    defaultValues: { id: ticket.id, version: ticket.version, status: next[0] ?? ticket.status, note: '' },
  });
  const chosen = useWatch({ control: statusForm.control, name: 'status' });
  const commentForm = useForm<IncidentCommentInput>({
    resolver: zodResolver(incidentCommentSchema) as never,
    defaultValues: { id: ticket.id, body: '', visibility: 'public' },
  });
  const closed = ticket.status === 'closed';
  const noteError = statusForm.formState.errors.note?.message;
  const bodyError = commentForm.formState.errors.body?.message;

  return (
    <div className="flex flex-col gap-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {ticket.canWork && !ticket.isMine && !closed && ticket.status !== 'resolved' && (
        <div>
          <Button type="button" disabled={pending} onClick={() => run(() => actions.take({ id: ticket.id, version: ticket.version }), t.taken)}>
            {t.take}
          </Button>
        </div>
      )}
      {ticket.canWork && next.length > 0 && (
        <form
          noValidate
          className="flex flex-col gap-3"
          aria-labelledby="status-heading"
          onSubmit={statusForm.handleSubmit(async (values) => {
            const result = done(await actions.status({ ...values, version: ticket.version }), t.statusSaved);
            if (result.ok)
              statusForm.reset({ id: ticket.id, version: ticket.version, status: TRANSITIONS[values.status as IncidentStatus][0] ?? values.status, note: '' });
          })}
        >
          <h2 id="status-heading" className="text-lg font-semibold">
            {t.changeStatus}
          </h2>
          <Field id="status" label={t.newStatus}>
            <Select id="status" className="sm:w-72" {...statusForm.register('status')}>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t.statuses[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="note" label={chosen === 'resolved' ? t.resolutionNote : t.statusNote} error={noteError ? messageByKey(m, noteError) : undefined}>
            <Textarea id="note" error={noteError} {...statusForm.register('note')} />
          </Field>
          <div>
            <Button type="submit" disabled={statusForm.formState.isSubmitting}>
              {t.saveStatus}
            </Button>
          </div>
        </form>
      )}
      {!closed && (
        <form
          noValidate
          className="flex flex-col gap-3"
          aria-labelledby="comment-heading"
          onSubmit={commentForm.handleSubmit(async (values) => {
            const result = done(await actions.comment(values), t.commentAdded);
            if (result.ok) commentForm.reset({ id: ticket.id, body: '', visibility: values.visibility });
          })}
        >
          <h2 id="comment-heading" className="text-lg font-semibold">
            {ticket.canWork ? t.comment : t.reporterReply}
          </h2>
          <Field id="body" label={t.commentBody} error={bodyError ? messageByKey(m, bodyError) : undefined}>
            <Textarea id="body" error={bodyError} {...commentForm.register('body')} />
          </Field>
          {ticket.canWork && (
            <fieldset className="flex flex-col gap-1">
              <legend className="text-sm font-medium text-slate-800">{t.visibility}</legend>
              <div className="flex flex-wrap gap-6">
                {(['public', 'internal'] as const).map((v) => (
                  <label key={v} className="flex items-center gap-2 text-sm">
                    <input type="radio" value={v} className="h-4 w-4" {...commentForm.register('visibility')} />
                    {v === 'public' ? t.visibilityPublic : t.visibilityInternal}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div>
            <Button type="submit" variant="secondary" disabled={commentForm.formState.isSubmitting}>
              {t.sendComment}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
