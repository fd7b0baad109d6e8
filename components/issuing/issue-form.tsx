'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useForm, useWatch, type Control, type UseFormRegister, type FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { PdfViewer } from '@/components/viewer/pdf-viewer';
import { fill, messageByKey, type Messages } from '@/lib/i18n';
import { ISSUE_METHODS, type IssueMethodValue } from '@/lib/issuing-schema';
import { issueDocumentAction } from '@/server/issuing/actions';
import { requestMissingWithLetterAction } from '@/server/register/actions';
import { BENEFIT_KINDS, getTemplate } from '@/templates/registry';

type Values = { data: Record<string, unknown>; method: IssueMethodValue };
type Issued = { issuedId: string; documentId: string; number: string };
type Props = {
  templates: { id: string; title: string }[];
  prefills: Record<string, Record<string, unknown>>;
  initialTemplate: string;
  clientId: string;
  fromDocumentId: string;
  /** The version of that document the specialist decided on (its card's, or this page's). */
  fromDocumentVersion: string;
  /** The signer's job title in each language the document can be printed in. */
  signerTitles: { et: string; en: string };
  /** Asking for missing documents from this application: issuing the notice is the request (one action). */
  missingFor?: string;
};

export function IssueForm(props: Props) {
  const { templates } = props;
  const m = useMessages();
  const [templateId, setTemplateId] = useState(props.initialTemplate);
  const [issued, setIssued] = useState<Issued | null>(null);
  const t = m.issuing;
  if (issued) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{fill(props.missingFor ? m.frontDesk.letterIssued : t.issued, { number: issued.number })}</Alert>
        <div className="flex flex-wrap gap-3">
          <Button asChild>
            <a href={`/valjastatud/${issued.issuedId}/pdf`} download>
              {t.download}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/dokumendid/${props.missingFor ?? issued.documentId}`}>{props.missingFor ? m.frontDesk.backToApplication : t.openDocument}</Link>
          </Button>
          {!props.missingFor && (
            <Button variant="secondary" onClick={() => setIssued(null)}>
              {t.issueAnother}
            </Button>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <div className="max-w-md">
        <Field id="templateId" label={t.template}>
          <Select id="templateId" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <TemplateForm key={templateId} {...props} m={m} templateId={templateId} onIssued={setIssued} />
    </div>
  );
}

function TemplateForm({
  m,
  templateId,
  prefills,
  clientId,
  fromDocumentId,
  fromDocumentVersion,
  signerTitles,
  missingFor,
  onIssued,
}: Props & { m: Messages; templateId: string; onIssued: (r: Issued) => void }) {
  const t = m.issuing;
  const template = getTemplate(templateId)!;
  const schema = useMemo(() => z.object({ data: template.schema, method: z.enum(ISSUE_METHODS, { error: 'errors.required' }) }), [template]);
  const form = useForm<Values>({
    resolver: zodResolver(schema) as never,
    defaultValues: { data: prefills[templateId] ?? {}, method: 'handed_over' },
  });
  const { register, control, formState, handleSubmit, setError, getValues, setValue, trigger } = form;
  // The document's language also sets the signer's title, unless the specialist has typed another.
  const language = useWatch({ control, name: 'data.language' as 'method' }) as unknown as 'et' | 'en' | undefined;
  useEffect(() => {
    if (!language || !('signer' in (prefills[templateId] ?? {}))) return;
    const title = getValues('data.signer.title' as 'method') as unknown as string;
    const other = signerTitles[language === 'en' ? 'et' : 'en'];
    if (title === other && title !== signerTitles[language]) setValue('data.signer.title' as 'method', signerTitles[language] as never);
  }, [language, prefills, templateId, signerTitles, getValues, setValue]);
  const submissionId = useRef<string>(crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Uint8Array | null>(null);
  const [previewing, setPreviewing] = useState(false);

  const showErrors = (result: { formError?: string; fieldErrors?: Record<string, string> }) => {
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as 'method', { message: code });
    setFormError(messageByKey(m, result.formError ?? 'errors.generic'));
  };

  async function showPreview() {
    setFormError(null);
    if (!(await trigger())) return;
    setPreviewing(true);
    const response = await fetch('/valjasta/eelvaade', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId, data: getValues('data') }),
    });
    setPreviewing(false);
    if (!response.ok) return showErrors((await response.json().catch(() => ({}))) as { formError?: string });
    setPreview(new Uint8Array(await response.arrayBuffer()));
  }

  const submit = async () => {
    setFormError(null);
    const result = missingFor
      ? await requestMissingWithLetterAction({
          documentId: missingFor,
          version: fromDocumentVersion,
          data: getValues('data'),
          method: getValues('method'),
          submissionId: submissionId.current,
        })
      : await issueDocumentAction({
          templateId,
          data: getValues('data'),
          method: getValues('method'),
          clientId,
          fromDocumentId,
          fromDocumentVersion,
          submissionId: submissionId.current,
        });
    if (result.ok) onIssued(result.data);
    else showErrors(result);
  };

  const data = prefills[templateId] ?? {};
  return (
    <form onSubmit={(e) => void handleSubmit(submit)(e)} noValidate className="grid gap-6 xl:grid-cols-2">
      <div className="flex flex-col gap-5">
        {formError && <Alert tone="error">{formError}</Alert>}
        <Fields m={m} path="data" shape={data} register={register} control={control} errors={formState.errors} languages={template.meta.languages} />
        <Field id="method" label={t.method} error={err(m, formState.errors, 'method')}>
          <Select id="method" {...register('method')}>
            {ISSUE_METHODS.map((method) => (
              <option key={method} value={method}>
                {t.methods[method]}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="secondary" onClick={() => void showPreview()} disabled={previewing}>
            {previewing ? t.previewing : t.preview}
          </Button>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t.submitting : missingFor ? m.frontDesk.letterSubmit : t.submit}
          </Button>
        </div>
      </div>
      <div>{preview ? <PdfViewer src={preview} name={t.previewTitle} /> : <p className="text-sm text-slate-600">{t.previewHint}</p>}</div>
    </form>
  );
}

const err = (m: Messages, errors: FieldErrors<Values>, path: string) => {
  const message = (get(errors, path) as { message?: string } | undefined)?.message;
  return message ? messageByKey(m, message) : undefined;
};
const idOf = (path: string) => path.replace(/\./g, '-');
const DATE_KEYS = new Set(['periodStart', 'periodEnd', 'asOf', 'receivedOn', 'deadline', 'theirDate', 'issuedOn']);
const TEXTAREA_KEYS = new Set(['address', 'body', 'note']);
const CHANNELS = ['email', 'post', 'office', 'eesti'] as const;

type FieldsProps = {
  m: Messages;
  path: string;
  shape: Record<string, unknown>;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  errors: FieldErrors<Values>;
  languages: readonly string[];
};

/** The template's fields, laid out from the shape of its prefilled data. */
function Fields(props: FieldsProps) {
  const { m, path, shape } = props;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {Object.entries(shape).map(([key, value]) => {
        const name = `${path}.${key}`;
        if (key === 'restriction') return null; // the register's restriction is printed
        if (Array.isArray(value) && key !== 'channels')
          return <Rows key={key} {...props} name={name} field={key} blank={value[0] as Record<string, unknown>} />;
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          return (
            <fieldset key={key} className="col-span-full rounded-md border border-slate-300 p-4">
              <legend className="px-1 text-sm font-semibold">{m.issuing.groups[key] ?? key}</legend>
              <Fields {...props} path={name} shape={value as Record<string, unknown>} />
            </fieldset>
          );
        }
        return <Control key={key} {...props} name={name} field={key} />;
      })}
    </div>
  );
}

function Control({ m, name, field, register, control, errors, languages }: FieldsProps & { name: string; field: string }) {
  const id = idOf(name);
  const error = err(m, errors, name);
  const parent = name
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .slice(-2, -1)[0];
  const label = m.issuing.labels[`${parent}.${field}`] ?? m.issuing.labels[field] ?? field;
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  const n = name as 'method';
  if (field === 'language') {
    if (languages.length < 2) return null;
    return (
      <Field id={id} label={label} error={error}>
        <Select id={id} {...aria} {...register(n)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {m.issuing.languages[l as 'et' | 'en']}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (field === 'benefitKind') {
    return (
      <Field id={id} label={label} error={error}>
        <Select id={id} {...aria} {...register(n)}>
          {Object.entries(BENEFIT_KINDS).map(([value, names]) => (
            <option key={value} value={value}>
              {names[m.locale === 'en' ? 'en' : 'et']}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (field === 'channels') {
    return (
      <fieldset className="col-span-full">
        <legend className="mb-1 text-sm font-medium">{label}</legend>
        <div className="flex flex-wrap gap-4">
          {CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={c} {...register(n)} /> {m.issuing.channels[c]}
            </label>
          ))}
        </div>
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  if (field.endsWith('Cents')) {
    return (
      <Field id={id} label={label} error={error}>
        <Controller
          control={control}
          name={n}
          render={({ field: f }) => <EuroInput id={id} aria={aria} value={f.value as unknown as number} onChange={f.onChange} />}
        />
      </Field>
    );
  }
  if (field === 'coefficient') {
    return (
      <Field id={id} label={label} error={error}>
        <Input
          id={id}
          inputMode="decimal"
          {...aria}
          {...register(n, { setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(String(v).replace(',', '.'))) })}
        />
      </Field>
    );
  }
  if (field === 'year' || field === 'pageCount') {
    return (
      <Field id={id} label={label} error={error}>
        <Input id={id} type="number" {...aria} {...register(n, { valueAsNumber: true })} />
      </Field>
    );
  }
  if (TEXTAREA_KEYS.has(field)) {
    return (
      <div className="col-span-full">
        <Field id={id} label={label} error={error}>
          <textarea
            id={id}
            rows={field === 'body' ? 10 : 3}
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-700"
            {...aria}
            {...register(n)}
          />
        </Field>
      </div>
    );
  }
  return (
    <Field id={id} label={label} error={error}>
      <Input id={id} type={DATE_KEYS.has(field) ? 'date' : 'text'} {...aria} {...register(n)} />
    </Field>
  );
}

/** Euros as the specialist types them (`1 234,56`); the data holds integer cents. */
function EuroInput({ id, aria, value, onChange }: { id: string; aria: Record<string, unknown>; value: number; onChange: (v: number) => void }) {
  const [text, setText] = useState(() =>
    typeof value === 'number' && Number.isFinite(value) && value !== 0 ? (value / 100).toFixed(2).replace('.', ',') : '',
  );
  return (
    <Input
      id={id}
      inputMode="decimal"
      {...aria}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const cleaned = e.target.value.replace(/[\s\u00a0€]/g, '').replace(',', '.');
        const euros = cleaned === '' ? NaN : Number(cleaned);
        onChange(Number.isFinite(euros) ? Math.round(euros * 100) : NaN);
      }}
    />
  );
}

function Rows(props: FieldsProps & { name: string; field: string; blank: Record<string, unknown> }) {
  const { m, name, field, blank, control, errors } = props;
  const { fields, append, remove } = useFieldArray({ control, name: name as never });
  const empty = () =>
    Object.fromEntries(
      Object.entries(blank ?? {}).map(([k, v]) => [k, typeof v === 'number' ? (k === 'year' ? v + fields.length : 0) : v === null ? null : '']),
    );
  const error = err(m, errors, name);
  return (
    <fieldset className="col-span-full rounded-md border border-slate-300 p-4">
      <legend className="px-1 text-sm font-semibold">{m.issuing.groups[field] ?? field}</legend>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
      <ol className="flex flex-col gap-4">
        {fields.map((item, i) => (
          <li key={item.id} className="border-b border-slate-200 pb-4">
            <div className="mb-2 flex items-center justify-between">
              <span className="text-sm text-slate-600">{fill(m.issuing.row, { n: i + 1 })}</span>
              {fields.length > 1 && (
                <Button type="button" size="sm" variant="secondary" onClick={() => remove(i)}>
                  {m.issuing.remove}
                </Button>
              )}
            </div>
            <Fields {...props} path={`${name}.${i}`} shape={blank} />
          </li>
        ))}
      </ol>
      <Button type="button" size="sm" variant="secondary" className="mt-3" onClick={() => append(empty() as never)}>
        {m.issuing.add}
      </Button>
    </fieldset>
  );
}
