'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { formatEuros } from '@/lib/format';
import { fill, messageByKey } from '@/lib/i18n';
import { parseEurosToCents } from '@/lib/money';
import { OVERPAYMENT_CHANNELS, OVERPAYMENT_REQUESTS, overpaymentSchema, type OverpaymentInput, type OverpaymentRules } from '@/lib/overpayment-schema';
import { IDENTITY_DOCUMENTS } from '@/lib/register-schema';

type Result = { documentId: string; number: string; applicationId: string };

const blank = (): OverpaymentInput => ({
  clientCode: '',
  clientGivenName: '',
  clientFamilyName: '',
  channel: 'in_person',
  identityDocumentType: 'id_card',
  identityDocumentNumber: '',
  identityValidUntil: '',
  benefit: '',
  decisionReference: '',
  amount: '',
  request: 'instalments',
  lumpSumDate: '',
  waiverReason: '',
  schedule: [
    { dueDate: '', amount: '' },
    { dueDate: '', amount: '' },
  ],
  submissionId: crypto.randomUUID(),
});

export function OverpaymentForm({ rules, action }: { rules: OverpaymentRules; action: (input: OverpaymentInput) => Promise<ActionResult<Result>> }) {
  const m = useMessages();
  const o = m.overpayments;
  const f = o.fields;
  const schema = useMemo(() => overpaymentSchema(rules), [rules]);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, setError, formState, control, reset } = useForm<OverpaymentInput>({
    resolver: zodResolver(schema) as never,
    defaultValues: blank(),
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'schedule' });
  const { errors, isSubmitting } = formState;
  const months = { months: rules.maxMonths };
  const text = (key: string | undefined) => (key ? fill(messageByKey(m, key), months) : undefined);
  const err = (name: keyof OverpaymentInput) => text(errors[name]?.message ? String(errors[name]!.message) : errors[name]?.root?.message);
  const request = useWatch({ control, name: 'request' });
  const schedule = useWatch({ control, name: 'schedule' }) ?? [];
  const scheduleSum = schedule.reduce((sum, row) => sum + (parseEurosToCents(row.amount ?? '') ?? 0), 0);

  async function submit(values: OverpaymentInput) {
    setMessage(null);
    const input = { ...values, schedule: values.request === 'instalments' ? values.schedule : [] };
    let result: ActionResult<Result>;
    try {
      result = await action(input);
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    if (result.ok) {
      setMessage({ tone: 'success', text: fill(o.registered, { number: result.data.number }) });
      reset(blank());
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof OverpaymentInput, { message: code });
    setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
  }

  const input = (
    name:
      | 'clientCode'
      | 'clientGivenName'
      | 'clientFamilyName'
      | 'identityDocumentNumber'
      | 'identityValidUntil'
      | 'benefit'
      | 'decisionReference'
      | 'amount'
      | 'lumpSumDate',
    label: string,
    opts: { type?: string; hint?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <Field id={name} label={label} hint={opts.hint} error={err(name)}>
      <Input
        id={name}
        type={opts.type ?? 'text'}
        inputMode={opts.inputMode}
        autoComplete="off"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : opts.hint ? `${name}-hint` : undefined}
        {...register(name)}
      />
    </Field>
  );

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="flex flex-col gap-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-lg font-semibold">{o.identityTitle}</legend>
        <p className="text-sm text-slate-700">{o.identityLead}</p>
        <div className="grid gap-4 md:grid-cols-3">
          {input('clientCode', f.clientCode, { inputMode: 'numeric' })}
          {input('clientGivenName', f.clientGivenName)}
          {input('clientFamilyName', f.clientFamilyName)}
          <Field id="identityDocumentType" label={f.identityDocumentType} error={err('identityDocumentType')}>
            <Select id="identityDocumentType" {...register('identityDocumentType')}>
              {IDENTITY_DOCUMENTS.map((d) => (
                <option key={d} value={d}>
                  {o.identityDocuments[d]}
                </option>
              ))}
            </Select>
          </Field>
          {input('identityDocumentNumber', f.identityDocumentNumber)}
          {input('identityValidUntil', f.identityValidUntil, { type: 'date' })}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-lg font-semibold">{o.applicationTitle}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="channel" label={f.channel} error={err('channel')}>
            <Select id="channel" {...register('channel')}>
              {OVERPAYMENT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {o.channels[c]}
                </option>
              ))}
            </Select>
          </Field>
          {input('benefit', f.benefit, { hint: f.benefitHint })}
          {input('decisionReference', f.decisionReference)}
          {input('amount', f.amount, { inputMode: 'decimal' })}
        </div>
        <div role="radiogroup" aria-labelledby="request-label" className="flex flex-col gap-2">
          <span id="request-label" className="text-sm font-medium text-slate-800">
            {f.request}
          </span>
          {OVERPAYMENT_REQUESTS.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="radio" value={r} className="h-4 w-4" {...register('request')} />
              {o.requests[r]}
            </label>
          ))}
        </div>
        {request === 'lump_sum' && <div className="max-w-xs">{input('lumpSumDate', f.lumpSumDate, { type: 'date' })}</div>}
        {request === 'waiver' && (
          <Field id="waiverReason" label={f.waiverReason} hint={f.waiverReasonHint} error={err('waiverReason')}>
            <Textarea id="waiverReason" error={err('waiverReason')} hint={f.waiverReasonHint} {...register('waiverReason')} />
          </Field>
        )}
        {request === 'instalments' && (
          <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4" aria-describedby="schedule-hint">
            <legend className="px-1 text-sm font-semibold">{f.schedule}</legend>
            <p id="schedule-hint" className="text-xs text-slate-600">
              {fill(f.scheduleHint, months)}
            </p>
            {fields.map((row, i) => {
              const rowErrors = errors.schedule?.[i];
              const n = { n: i + 1 };
              return (
                <div key={row.id} className="grid items-end gap-3 md:grid-cols-[1fr_1fr_auto]">
                  <Field id={`schedule-${i}-dueDate`} label={`${f.dueDate} (${fill(f.instalment, n)})`} error={text(rowErrors?.dueDate?.message)}>
                    <Input
                      id={`schedule-${i}-dueDate`}
                      type="date"
                      aria-invalid={rowErrors?.dueDate ? true : undefined}
                      aria-describedby={rowErrors?.dueDate ? `schedule-${i}-dueDate-error` : undefined}
                      {...register(`schedule.${i}.dueDate`)}
                    />
                  </Field>
                  <Field id={`schedule-${i}-amount`} label={`${f.instalmentAmount} (${fill(f.instalment, n)})`} error={text(rowErrors?.amount?.message)}>
                    <Input
                      id={`schedule-${i}-amount`}
                      inputMode="decimal"
                      autoComplete="off"
                      aria-invalid={rowErrors?.amount ? true : undefined}
                      aria-describedby={rowErrors?.amount ? `schedule-${i}-amount-error` : undefined}
                      {...register(`schedule.${i}.amount`)}
                    />
                  </Field>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    className="mb-1"
                    onClick={() => remove(i)}
                    disabled={fields.length <= 1}
                    aria-label={fill(o.removeInstalment, n)}
                  >
                    ✕
                  </Button>
                </div>
              );
            })}
            {err('schedule') && (
              <p id="schedule-error" className="text-sm text-red-700" role="alert">
                {err('schedule')}
              </p>
            )}
            <div className="flex flex-wrap items-center justify-between gap-3">
              <Button type="button" variant="secondary" size="sm" onClick={() => append({ dueDate: '', amount: '' })}>
                {o.addInstalment}
              </Button>
              <span className="text-sm" aria-live="polite">
                {fill(o.scheduleTotal, { sum: formatEuros(scheduleSum) })}
              </span>
            </div>
          </fieldset>
        )}
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? o.submitting : o.submit}
        </Button>
      </div>
    </form>
  );
}
