'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import { ALLOWED_UPLOAD_TYPES, MAX_FILE_BYTES } from '@/lib/incident-schema';
import { proposalSchema, type ProposalInput } from '@/lib/proposal-schema';
import { sendWithFiles } from '@/components/ui/send-with-files';

export function ProposalForm({ action }: { action: (form: FormData) => Promise<ActionResult<{ id: string }>> }) {
  const m = useMessages();
  const p = m.proposals;
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ProposalInput>({
    resolver: zodResolver(proposalSchema) as never,
    defaultValues: { title: '', description: '' },
  });
  const { errors, isSubmitting } = formState;
  const err = (name: keyof ProposalInput) => (errors[name]?.message ? messageByKey(m, String(errors[name]!.message)) : undefined);

  async function submit(values: ProposalInput) {
    setMessage(null);
    setFileError(null);
    if (file && file.size > MAX_FILE_BYTES) return setFileError(messageByKey(m, 'errors.attachmentTooLarge'));
    const result: ActionResult<{ id: string }> = await sendWithFiles(action, values, file ? [file] : []);
    if (result.ok) {
      setMessage({ tone: 'success', text: p.submitted });
      reset({ title: '', description: '' });
      setFile(null);
      setFileKey((k) => k + 1);
      router.refresh();
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) {
      if (field === 'files') setFileError(messageByKey(m, code));
      else setError(field as keyof ProposalInput, { message: code });
    }
    setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
  }

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="flex flex-col gap-4" aria-labelledby="proposal-form-title">
      <h2 id="proposal-form-title" className="text-lg font-semibold">
        {p.new}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field id="title" label={p.fields.title} error={err('title')}>
        <Input
          id="title"
          maxLength={200}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? 'title-error' : undefined}
          {...register('title')}
        />
      </Field>
      <Field id="description" label={p.fields.description} hint={p.fields.descriptionHint} error={err('description')}>
        <Textarea id="description" rows={5} className="min-h-28" error={err('description')} hint={p.fields.descriptionHint} {...register('description')} />
      </Field>
      <div className="flex flex-col gap-1">
        <label htmlFor="files" className="text-sm font-medium text-slate-800">
          {p.fields.file}
        </label>
        <input
          key={fileKey}
          id="files"
          type="file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          accept={ALLOWED_UPLOAD_TYPES.join(',')}
          aria-describedby={fileError ? 'files-error' : 'files-hint'}
          className="text-sm"
        />
        {fileError ? (
          <p id="files-error" role="alert" className="text-sm text-red-700">
            {fileError}
          </p>
        ) : (
          <p id="files-hint" className="text-xs text-slate-600">
            {p.fields.fileHint}
          </p>
        )}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? p.submitting : p.submit}
        </Button>
      </div>
    </form>
  );
}
