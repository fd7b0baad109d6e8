'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useForm, useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Disclosure } from '@/components/ui/disclosure';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import {
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOMES,
  consultationSchema,
  DURATION_PRESETS,
  type ConsultationChannel,
  type ConsultationInput,
} from '@/lib/consultation-schema';
import { fill, messageByKey } from '@/lib/i18n';

type Props = {
  topics: { code: string; name: string }[];
  units: { code: string; name: string }[];
  defaults: { channel: ConsultationChannel; durationMinutes: number };
  record: (input: ConsultationInput) => Promise<ActionResult<{ id: string }>>;
  lookupClient: (code: string) => Promise<ActionResult<{ givenName: string; familyName: string } | null>>;
};

// One radio of a row of buttons: the input stays (visually hidden, keyboard-usable) and its
// label is the button, so the whole choice is one click and works without a mouse.
function Chip({ field, value, children }: { field: UseFormRegisterReturn; value: string; children: ReactNode }) {
  return (
    <label className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 hover:bg-slate-100 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-700 has-[:focus-visible]:ring-offset-2">
      <input type="radio" value={value} className="sr-only" {...field} />
      {children}
    </label>
  );
}

export function ConsultationForm({ topics, units, defaults, record, lookupClient }: Props) {
  const m = useMessages();
  const c = m.consultations;
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [clientName, setClientName] = useState<string | null>(null);
  const empty = (channel: ConsultationChannel): ConsultationInput => ({
    channel,
    topicCode: '',
    clientCode: '',
    durationMinutes: String(defaults.durationMinutes),
    outcome: 'answered',
    referredUnitCode: '',
    note: '',
    submissionId: crypto.randomUUID(),
  });
  const { register, handleSubmit, setError, reset, control, getValues, setValue, formState } = useForm<ConsultationInput>({
    resolver: zodResolver(consultationSchema) as never,
    defaultValues: empty(defaults.channel),
  });
  const { errors, isSubmitting } = formState;
  const [outcome, duration] = useWatch({ control, name: ['outcome', 'durationMinutes'] });
  const err = (name: keyof ConsultationInput) => {
    const message = errors[name]?.message;
    return message ? messageByKey(m, message) : undefined;
  };
  const isPreset = (DURATION_PRESETS as readonly number[]).includes(Number(duration));

  async function checkClient() {
    setClientName(null);
    const code = getValues('clientCode').trim();
    if (!/^\d{11}$/.test(code)) return;
    const result = await lookupClient(code);
    if (result.ok && result.data) setClientName(`${result.data.givenName} ${result.data.familyName}`);
  }

  async function submit(values: ConsultationInput) {
    setFormError(null);
    setDone(null);
    let result: ActionResult<{ id: string }>;
    try {
      result = await record(values);
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    if (result.ok) {
      setDone(fill(c.form.saved, { topic: topics.find((t) => t.code === values.topicCode)?.name ?? '' }));
      setClientName(null);
      reset(empty(values.channel as ConsultationChannel));
      router.refresh();
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof ConsultationInput, { message: code });
    setFormError(messageByKey(m, result.formError ?? 'errors.generic'));
  }

  const legend = 'mb-2 text-sm font-semibold text-slate-800';
  return (
    <form onSubmit={(e) => void handleSubmit(submit)(e)} noValidate className="flex flex-col gap-5">
      {done && <Alert tone="success">{done}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset>
        <legend className={legend}>{c.form.channel}</legend>
        <div className="flex flex-wrap gap-2">
          {CONSULTATION_CHANNELS.map((ch) => (
            <Chip key={ch} field={register('channel')} value={ch}>
              {c.channels[ch]}
            </Chip>
          ))}
        </div>
      </fieldset>
      <fieldset aria-describedby={errors.topicCode ? 'topicCode-error' : undefined}>
        <legend className={legend}>{c.form.topic}</legend>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {topics.map((t) => (
            <Chip key={t.code} field={register('topicCode')} value={t.code}>
              {t.name}
            </Chip>
          ))}
        </div>
        {errors.topicCode && (
          <p id="topicCode-error" role="alert" className="mt-1 text-sm text-red-700">
            {err('topicCode')}
          </p>
        )}
      </fieldset>
      <div className="grid gap-5 lg:grid-cols-2">
        <fieldset>
          <legend className={legend}>{c.form.duration}</legend>
          <div className="flex flex-wrap items-center gap-2">
            {DURATION_PRESETS.map((n) => (
              <Chip key={n} field={register('durationMinutes')} value={String(n)}>
                {fill(c.form.minutes, { n })}
              </Chip>
            ))}
            <label className="flex items-center gap-2 text-sm">
              <span className="sr-only">{c.form.otherDuration}</span>
              <Input
                type="number"
                min={1}
                max={480}
                inputMode="numeric"
                placeholder={c.form.otherShort}
                aria-label={c.form.otherDuration}
                className={`w-28 ${isPreset ? '' : 'border-brand-700'}`}
                aria-invalid={errors.durationMinutes ? true : undefined}
                aria-describedby={errors.durationMinutes ? 'durationMinutes-error' : undefined}
                value={isPreset ? '' : String(duration ?? '')}
                onChange={(e) => setValue('durationMinutes', e.target.value, { shouldValidate: true })}
              />
            </label>
          </div>
          {errors.durationMinutes && (
            <p id="durationMinutes-error" role="alert" className="mt-1 text-sm text-red-700">
              {err('durationMinutes')}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend className={legend}>{c.form.outcome}</legend>
          <div className="flex flex-wrap gap-2">
            {CONSULTATION_OUTCOMES.map((o) => (
              <Chip key={o} field={register('outcome')} value={o}>
                {c.outcomes[o]}
              </Chip>
            ))}
          </div>
          {outcome === 'referred' && (
            <div className="mt-3 max-w-sm">
              <Field id="referredUnitCode" label={c.form.referredUnit} error={err('referredUnitCode')}>
                <Select id="referredUnitCode" aria-invalid={errors.referredUnitCode ? true : undefined} {...register('referredUnitCode')}>
                  <option value="">—</option>
                  {units.map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )}
        </fieldset>
      </div>
      <Disclosure
        className="rounded-md border border-slate-200 p-3"
        summaryClassName="cursor-pointer text-sm font-medium"
        summary={c.form.more}
        openWhen={Boolean(errors.clientCode || errors.note)}
      >
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <Field id="clientCode" label={c.form.clientCode} error={err('clientCode')} hint={c.form.clientHint}>
              <Input
                id="clientCode"
                inputMode="numeric"
                maxLength={11}
                autoComplete="off"
                aria-invalid={errors.clientCode ? true : undefined}
                aria-describedby={errors.clientCode ? 'clientCode-error' : 'clientCode-hint'}
                {...register('clientCode', { onBlur: () => void checkClient() })}
              />
            </Field>
            {clientName && <p className="text-sm text-slate-700">{fill(c.form.clientFound, { name: clientName })}</p>}
          </div>
          <Field id="note" label={c.form.note} error={err('note')}>
            <Input id="note" aria-invalid={errors.note ? true : undefined} {...register('note')} />
          </Field>
        </div>
      </Disclosure>
      <div>
        <Button type="submit" size="lg" disabled={isSubmitting}>
          {isSubmitting ? c.form.saving : c.form.save}
        </Button>
      </div>
    </form>
  );
}
