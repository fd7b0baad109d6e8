'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import {
  taskCancelSchema,
  taskCommentSchema,
  taskDoneSchema,
  taskReviewSchema,
  type TaskCancelInput,
  type TaskCommentInput,
  type TaskDoneInput,
  type TaskReviewInput,
} from '@/lib/task-schema';

type Result = Promise<ActionResult<unknown>>;
type Props = {
  taskId: string;
  /** The version of the task the page shows: the manager's decision is about that. */
  version: string;
  can: { start: boolean; complete: boolean; comment: boolean; review: boolean; cancel: boolean; ask: boolean };
  actions: {
    start: (input: { id: string }) => Result;
    complete: (input: TaskDoneInput) => Result;
    comment: (input: TaskCommentInput) => Result;
    review: (input: TaskReviewInput) => Result;
    cancel: (input: TaskCancelInput) => Result;
  };
};

export function TaskActions({ taskId, version, can, actions }: Props) {
  const m = useMessages();
  const t = m.tasks.actions;
  const { pending, outcome: message, report: done, run } = useActionOutcome(m);
  const errorText = (code: unknown) => (typeof code === 'string' ? messageByKey(m, code) : undefined);

  const doneForm = useForm<TaskDoneInput>({ resolver: zodResolver(taskDoneSchema) as never, defaultValues: { id: taskId, result: '' } });
  const commentForm = useForm<TaskCommentInput>({
    resolver: zodResolver(taskCommentSchema) as never,
    defaultValues: { id: taskId, kind: can.ask ? 'question' : 'comment', body: '' },
  });
  const reviewForm = useForm<TaskReviewInput>({
    resolver: zodResolver(taskReviewSchema) as never,
    defaultValues: { id: taskId, version, decision: 'accept', comment: '' },
  });
  const cancelForm = useForm<TaskCancelInput>({
    resolver: zodResolver(taskCancelSchema) as never,
    defaultValues: { id: taskId, version, reason: '' },
  });
  const resultError = errorText(doneForm.formState.errors.result?.message);
  const bodyError = errorText(commentForm.formState.errors.body?.message);
  const reviewError = errorText(reviewForm.formState.errors.comment?.message);

  const nothingLeft = !Object.values(can).some(Boolean);
  return (
    <div className="flex flex-col gap-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {nothingLeft && <p className="text-sm text-slate-700">{t.nothingLeft}</p>}
      {can.start && (
        <div>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(() => actions.start({ id: taskId }), t.started)}>
            {t.start}
          </Button>
        </div>
      )}
      {can.complete && (
        <form
          noValidate
          aria-labelledby="done-heading"
          className="flex flex-col gap-3"
          onSubmit={doneForm.handleSubmit(async (values) => {
            if (done(await actions.complete(values), t.doneSaved).ok) doneForm.reset({ id: taskId, result: '' });
          })}
        >
          <h3 id="done-heading" className="font-semibold">
            {t.done}
          </h3>
          <Field id="result" label={t.result} hint={t.resultHint} error={resultError}>
            <Textarea id="result" rows={4} error={resultError} hint={t.resultHint} {...doneForm.register('result')} />
          </Field>
          <div>
            <Button type="submit" disabled={doneForm.formState.isSubmitting}>
              {t.done}
            </Button>
          </div>
        </form>
      )}
      {can.review && (
        <form
          noValidate
          aria-labelledby="review-heading"
          className="flex flex-col gap-3"
          onSubmit={reviewForm.handleSubmit(async (values) => {
            if (done(await actions.review({ ...values, version }), values.decision === 'accept' ? t.accepted : t.returned).ok)
              reviewForm.reset({ id: taskId, version, decision: 'accept', comment: '' });
          })}
        >
          <h3 id="review-heading" className="font-semibold">
            {t.review}
          </h3>
          <Field id="review-comment" label={t.reviewComment} error={reviewError}>
            <Textarea id="review-comment" error={reviewError} {...reviewForm.register('comment')} />
          </Field>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" onClick={() => reviewForm.setValue('decision', 'accept')} disabled={reviewForm.formState.isSubmitting}>
              {t.accept}
            </Button>
            <Button type="submit" variant="secondary" onClick={() => reviewForm.setValue('decision', 'return')} disabled={reviewForm.formState.isSubmitting}>
              {t.return}
            </Button>
          </div>
        </form>
      )}
      {can.comment && (
        <form
          noValidate
          aria-labelledby="comment-heading"
          className="flex flex-col gap-3"
          onSubmit={commentForm.handleSubmit(async (values) => {
            if (done(await actions.comment(values), t.commentSaved).ok) commentForm.reset({ ...values, body: '' });
          })}
        >
          <h3 id="comment-heading" className="font-semibold">
            {t.comment}
          </h3>
          {can.ask && (
            <Field id="comment-kind" label={t.kind}>
              <Select id="comment-kind" className="sm:w-64" {...commentForm.register('kind')}>
                <option value="question">{t.kinds.question}</option>
                <option value="comment">{t.kinds.comment}</option>
              </Select>
            </Field>
          )}
          <Field id="comment-body" label={t.commentBody} error={bodyError}>
            <Textarea id="comment-body" error={bodyError} {...commentForm.register('body')} />
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={commentForm.formState.isSubmitting}>
              {t.send}
            </Button>
          </div>
        </form>
      )}
      {can.cancel && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">{t.cancel}</summary>
          <form
            noValidate
            className="mt-3 flex flex-col gap-3"
            onSubmit={cancelForm.handleSubmit(async (values) => {
              done(await actions.cancel({ ...values, version }), t.cancelled);
            })}
          >
            <Field id="cancel-reason" label={t.cancelReason}>
              <Textarea id="cancel-reason" rows={2} maxLength={1000} {...cancelForm.register('reason')} />
            </Field>
            <div>
              <Button type="submit" variant="danger" disabled={cancelForm.formState.isSubmitting}>
                {t.cancel}
              </Button>
            </div>
          </form>
        </details>
      )}
    </div>
  );
}
