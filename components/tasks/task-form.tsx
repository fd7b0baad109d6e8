'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { formatDate } from '@/lib/format';
import { fill, messageByKey } from '@/lib/i18n';
import { ALLOWED_UPLOAD_TYPES, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '@/lib/incident-schema';
import { createTaskSchema, TASK_PRIORITIES, type CreateTaskInput } from '@/lib/task-schema';
import { sendWithFiles } from '@/components/ui/send-with-files';

type Person = { id: string; name: string; title: string | null; absentUntil: string | null; goesTo: string | null };
type Created = { batchId: string; tasks: { id: string; assigneeName: string; substituteForName: string | null }[] };

type Props = {
  team: Person[];
  defaultDueDate: string;
  minDate: string;
  action: (form: FormData) => Promise<ActionResult<Created>>;
};

export function TaskForm({ team, defaultDueDate, minDate, action }: Props) {
  const m = useMessages();
  const t = m.tasks.form;
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const empty = (): CreateTaskInput => ({
    title: '',
    description: '',
    dueDate: defaultDueDate,
    dueTime: '',
    priority: 'normal',
    assigneeIds: [],
    documentNumber: '',
    clientCode: '',
    submissionId: crypto.randomUUID(),
  });
  const { register, handleSubmit, setError, formState, setValue, reset } = useForm<CreateTaskInput>({
    resolver: zodResolver(createTaskSchema) as never,
    defaultValues: empty(),
  });
  const { errors, isSubmitting } = formState;
  const err = (name: keyof CreateTaskInput) => (errors[name]?.message ? messageByKey(m, String(errors[name]!.message)) : undefined);
  const aria = (name: string, hasError: boolean, hint = false) => ({
    'aria-invalid': hasError ? true : undefined,
    'aria-describedby': hasError ? `${name}-error` : hint ? `${name}-hint` : undefined,
  });

  function addFiles(list: FileList | null) {
    setFileError(null);
    const next = [...files];
    for (const file of Array.from(list ?? [])) {
      if (next.length >= MAX_FILES) return setFileError(messageByKey(m, 'errors.tooManyFiles'));
      if (file.size === 0) return setFileError(`${file.name}: ${messageByKey(m, 'errors.attachmentEmpty')}`);
      if (file.size > MAX_FILE_BYTES) return setFileError(`${file.name}: ${messageByKey(m, 'errors.attachmentTooLarge')}`);
      if (next.reduce((s, f) => s + f.size, file.size) > MAX_TOTAL_BYTES) return setFileError(messageByKey(m, 'errors.filesTooLarge'));
      next.push(file);
    }
    setFiles(next);
  }

  async function submit(values: CreateTaskInput) {
    setFormError(null);
    const result: ActionResult<Created> = await sendWithFiles(action, values, files);
    if (result.ok) {
      setCreated(result.data);
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) {
      if (field === 'files') setFileError(messageByKey(m, code));
      else setError(field as keyof CreateTaskInput, { message: code });
    }
    setFormError(fill(messageByKey(m, result.formError ?? 'errors.generic'), result.params ?? {}));
  }

  if (created) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">
          <p className="font-medium">{fill(t.created, { n: created.tasks.length })}</p>
          <ul className="mt-2 list-disc pl-5">
            {created.tasks.map((task) => (
              <li key={task.id}>
                <Link href={`/ulesanded/${task.id}`} className="underline">
                  {task.substituteForName
                    ? fill(t.createdSubstitute, { name: task.assigneeName, forName: task.substituteForName })
                    : fill(t.createdFor, { name: task.assigneeName })}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              reset(empty());
              setFiles([]);
              setCreated(null);
            }}
          >
            {t.createAnother}
          </Button>
        </div>
      </div>
    );
  }

  if (team.length === 0) return <p>{t.noTeam}</p>;

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="flex flex-col gap-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="title" label={t.fields.title} error={err('title')}>
        <Input id="title" maxLength={200} {...aria('title', !!errors.title)} {...register('title')} />
      </Field>
      <Field id="description" label={t.fields.description} error={err('description')}>
        <Textarea id="description" rows={5} className="min-h-28" {...aria('description', !!errors.description)} {...register('description')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="dueDate" label={t.fields.dueDate} error={err('dueDate')}>
          <Input id="dueDate" type="date" min={minDate} {...aria('dueDate', !!errors.dueDate)} {...register('dueDate')} />
        </Field>
        <Field id="dueTime" label={t.fields.dueTime} error={err('dueTime')} hint={t.fields.dueTimeHint}>
          <Input id="dueTime" type="time" {...aria('dueTime', !!errors.dueTime, true)} {...register('dueTime')} />
        </Field>
        <Field id="priority" label={t.fields.priority} error={err('priority')}>
          <Select id="priority" {...register('priority')}>
            {TASK_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {m.tasks.priorities[p]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.assigneeIds ? 'assigneeIds-error' : 'assigneeIds-hint'}>
        <legend className="text-sm font-medium text-slate-800">{t.fields.assignees}</legend>
        <p id="assigneeIds-hint" className="text-xs text-slate-600">
          {t.fields.assigneesHint}
        </p>
        <div>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() =>
              setValue(
                'assigneeIds',
                team.map((p) => p.id),
                { shouldValidate: true },
              )
            }
          >
            {t.fields.selectAll}
          </Button>
        </div>
        <ul className="grid gap-2 sm:grid-cols-2">
          {team.map((p) => (
            <li key={p.id}>
              <label className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="checkbox" value={p.id} className="mt-0.5 h-4 w-4" {...register('assigneeIds')} />
                <span>
                  <span className="font-medium">{p.name}</span>
                  {p.title && <span className="block text-xs text-slate-600">{p.title}</span>}
                  {p.absentUntil && (
                    <span className="block text-xs text-amber-900">
                      {fill(t.absent, { until: formatDate(p.absentUntil) })}
                      {p.goesTo ? ` · ${fill(t.goesTo, { name: p.goesTo })}` : ''}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors.assigneeIds && (
          <p id="assigneeIds-error" role="alert" className="text-sm text-red-700">
            {messageByKey(m, String(errors.assigneeIds.message ?? 'errors.taskAssignees'))}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="documentNumber" label={t.fields.documentNumber} error={err('documentNumber')} hint={t.fields.documentNumberHint}>
          <Input id="documentNumber" maxLength={40} {...aria('documentNumber', !!errors.documentNumber, true)} {...register('documentNumber')} />
        </Field>
        <Field id="clientCode" label={t.fields.clientCode} error={err('clientCode')}>
          <Input id="clientCode" inputMode="numeric" maxLength={11} {...aria('clientCode', !!errors.clientCode)} {...register('clientCode')} />
        </Field>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="files" className="text-sm font-medium text-slate-800">
          {t.fields.files}
        </label>
        <input
          ref={fileInput}
          id="files"
          type="file"
          multiple
          accept={ALLOWED_UPLOAD_TYPES.join(',')}
          aria-describedby={fileError ? 'files-error' : 'files-hint'}
          className="text-sm"
          onChange={(e) => {
            addFiles(e.target.files);
            if (fileInput.current) fileInput.current.value = '';
          }}
        />
        {fileError ? (
          <p id="files-error" role="alert" className="text-sm text-red-700">
            {fileError}
          </p>
        ) : (
          <p id="files-hint" className="text-xs text-slate-600">
            {t.fields.filesHint}
          </p>
        )}
        {files.length > 0 && (
          <ul className="flex flex-col gap-1 text-sm">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} className="flex items-center gap-2">
                {f.name}
                <Button type="button" variant="ghost" size="sm" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                  {fill(m.incidents.removeFile, { name: f.name })}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t.submitting : t.submit}
        </Button>
      </div>
    </form>
  );
}
