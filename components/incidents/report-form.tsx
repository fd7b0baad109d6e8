'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { detectFileType } from '@/lib/file-type';
import { fill, messageByKey, type Messages } from '@/lib/i18n';
import {
  ALLOWED_UPLOAD_TYPES,
  CATEGORY_GROUPS,
  incidentReportSchema,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_TOTAL_BYTES,
  priorityFor,
  URGENCIES,
  type CategoryGroup,
  type IncidentReportInput,
  type PriorityMatrix,
  type ReportOutcome,
} from '@/lib/incident-schema';
import { sendWithFiles } from '@/components/ui/send-with-files';

type Props = {
  offices: { value: string; label: string }[];
  defaultOffice: string;
  /** The administrator's priority matrix, for the preview (the server decides again). */
  matrix?: PriorityMatrix;
  action: (form: FormData) => Promise<ActionResult<ReportOutcome>>;
};

export function ReportForm({ offices, defaultOffice, matrix, action }: Props) {
  const m = useMessages();
  const t = m.incidents;
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const empty: IncidentReportInput = {
    category: '' as never,
    officeCode: defaultOffice,
    place: '',
    assetTag: '',
    serviceBlocked: 'no',
    peopleAffected: 1,
    urgency: 'medium',
    description: '',
  };
  const { register, handleSubmit, setError, formState, control, reset } = useForm<IncidentReportInput>({
    resolver: zodResolver(incidentReportSchema) as never,
    defaultValues: empty,
  });
  const { errors, isSubmitting } = formState;
  const err = (name: keyof IncidentReportInput) => (errors[name]?.message ? messageByKey(m, errors[name]!.message!) : undefined);
  const aria = (name: string, hasError: boolean, hint = false) => ({
    'aria-invalid': hasError ? true : undefined,
    'aria-describedby': hasError ? `${name}-error` : hint ? `${name}-hint` : undefined,
  });
  const blocked = useWatch({ control, name: 'serviceBlocked' }) === 'yes';
  const people = Number(useWatch({ control, name: 'peopleAffected' }));
  const urgency = useWatch({ control, name: 'urgency' }) ?? 'medium';
  const priority = Number.isInteger(people) && people >= 1 ? priorityFor(blocked, people, urgency, matrix) : null;

  // The server checks the bytes again; this only saves a long upload that would be refused.
  async function addFiles(list: FileList | null) {
    setFileError(null);
    const next = [...files];
    for (const file of Array.from(list ?? [])) {
      if (next.length >= MAX_FILES) return setFileError(messageByKey(m, 'errors.tooManyFiles'));
      if (file.size === 0) return setFileError(`${file.name}: ${messageByKey(m, 'errors.attachmentEmpty')}`);
      if (file.size > MAX_FILE_BYTES) return setFileError(`${file.name}: ${messageByKey(m, 'errors.attachmentTooLarge')}`);
      const type = detectFileType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      if (!type || !(ALLOWED_UPLOAD_TYPES as readonly string[]).includes(type))
        return setFileError(`${file.name}: ${messageByKey(m, 'errors.attachmentType')}`);
      if (next.reduce((s, f) => s + f.size, file.size) > MAX_TOTAL_BYTES) return setFileError(messageByKey(m, 'errors.filesTooLarge'));
      next.push(file);
    }
    setFiles(next);
    if (fileInput.current) fileInput.current.value = '';
  }

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result: ActionResult<ReportOutcome> = await sendWithFiles(action, values, files);
    if (result.ok) {
      setOutcome(result.data);
      setFiles([]);
      reset(empty);
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) {
      if (field === 'files') setFileError(messageByKey(m, code));
      else setError(field as keyof IncidentReportInput, { message: code });
    }
    setFormError(messageByKey(m, result.formError ?? 'errors.generic'));
  });

  if (outcome) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">
          <p className="font-semibold">{fill(t.created, { number: outcome.number })}</p>
          <p>{fill(t.routedTo, { queue: queueLabel(t, outcome) })}</p>
          <p>{outcome.informed.length ? fill(t.informed, { names: outcome.informed.map((p) => p.name).join(', ') }) : t.nobodyInformed}</p>
        </Alert>
        <div className="flex gap-3">
          <Button asChild>
            <Link href={`/intsidendid/${outcome.number}`}>{t.openTicket}</Link>
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOutcome(null)}>
            {t.reportAnother}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="category" label={t.category} error={err('category')}>
          <Select id="category" {...aria('category', !!errors.category)} {...register('category')}>
            <option value="">{t.chooseCategory}</option>
            {(Object.keys(CATEGORY_GROUPS) as CategoryGroup[]).map((group) => (
              <optgroup key={group} label={t.groups[group]}>
                {CATEGORY_GROUPS[group].map((c) => (
                  <option key={c} value={c}>
                    {t.categories[c]}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field id="officeCode" label={t.office} error={err('officeCode')}>
          <Select id="officeCode" {...aria('officeCode', !!errors.officeCode)} {...register('officeCode')}>
            <option value="">{t.chooseCategory}</option>
            {offices.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="place" label={t.place} error={err('place')} hint={t.placeHint}>
          <Input id="place" maxLength={200} {...aria('place', !!errors.place, true)} {...register('place')} />
        </Field>
        <Field id="assetTag" label={t.assetTag} error={err('assetTag')}>
          <Input id="assetTag" maxLength={60} {...aria('assetTag', !!errors.assetTag)} {...register('assetTag')} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t.serviceBlocked}</legend>
          <div className="flex gap-6">
            {(['yes', 'no'] as const).map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <input type="radio" value={v} className="h-4 w-4" {...register('serviceBlocked')} />
                {t[v]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="peopleAffected" label={t.peopleAffected} error={err('peopleAffected')} hint={t.peopleAffectedHint}>
          <Input
            id="peopleAffected"
            type="number"
            min={1}
            max={5000}
            inputMode="numeric"
            className="w-32"
            {...aria('peopleAffected', !!errors.peopleAffected, true)}
            {...register('peopleAffected')}
          />
        </Field>
      </div>
      <Field id="urgency" label={t.urgency} error={err('urgency')}>
        <Select id="urgency" className="sm:w-auto" {...register('urgency')}>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t.urgencies[u]}
            </option>
          ))}
        </Select>
      </Field>
      {priority && (
        <p className="text-sm text-slate-700" aria-live="polite">
          {fill(t.priorityPreview, { priority: t.priorities[priority] })}
        </p>
      )}
      <Field id="description" label={t.description} error={err('description')} hint={t.descriptionHint}>
        <Textarea id="description" rows={6} className="min-h-32" {...aria('description', !!errors.description, true)} {...register('description')} />
      </Field>
      <div className="flex flex-col gap-2">
        <label htmlFor="files" className="text-sm font-medium text-slate-800">
          {t.files}
        </label>
        <input
          ref={fileInput}
          id="files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"
          aria-describedby={fileError ? 'files-error' : 'files-hint'}
          aria-invalid={fileError ? true : undefined}
          className="text-sm"
          onChange={(e) => void addFiles(e.target.files)}
        />
        {fileError ? (
          <p id="files-error" role="alert" className="text-sm text-red-700">
            {fileError}
          </p>
        ) : (
          <p id="files-hint" className="text-xs text-slate-600">
            {t.filesHint}
          </p>
        )}
        {files.length > 0 && (
          <ul className="flex flex-col gap-1 text-sm">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} className="flex items-center gap-3">
                <span>
                  {f.name} ({Math.ceil(f.size / 1024)} KB)
                </span>
                <Button type="button" variant="ghost" size="sm" onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                  {fill(t.removeFile, { name: f.name })}
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

/** The queue a report went to, in the page's language, with its mailbox. */
function queueLabel(t: Messages['incidents'], outcome: ReportOutcome): string {
  const queue =
    outcome.queue === 'mailbox' ? (outcome.queueName ?? t.queues.mailbox) : (t.queues[outcome.queue as keyof typeof t.queues] ?? outcome.queueLabel);
  return outcome.queueMailbox ? `${queue} (${outcome.queueMailbox})` : queue;
}
