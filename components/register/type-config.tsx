'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { messageByKey } from '@/lib/i18n';
import { documentTypeSchema, type DocumentTypeInput } from '@/lib/register-schema';
import { addExtraDayOffAction, removeExtraDayOffAction, saveDocumentTypeAction } from '@/server/register/actions';

type Option = { value: string; label: string };

export function DocumentTypeForm({ initial, series, grounds, units }: { initial: DocumentTypeInput; series: Option[]; grounds: Option[]; units: Option[] }) {
  const m = useMessages();
  const c = m.register.config;
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<DocumentTypeInput>({
    resolver: zodResolver(documentTypeSchema) as never,
    defaultValues: initial,
  });
  const isNew = initial.code === '';
  const id = (name: string) => `${initial.code || 'new'}-${name}`;
  const err = (name: keyof DocumentTypeInput) => (formState.errors[name]?.message ? messageByKey(m, formState.errors[name]!.message!) : undefined);
  const submit = async (values: DocumentTypeInput) => {
    const result = await saveDocumentTypeAction(values);
    if (result.ok) {
      setOutcome({ tone: 'success', text: c.saved });
      router.refresh();
    } else {
      for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof DocumentTypeInput, { message: code });
      setOutcome({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
    }
  };
  const select = (name: keyof DocumentTypeInput, options: Option[], empty?: string) => (
    <Select id={id(name)} {...register(name)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
  return (
    <form onSubmit={(e) => void handleSubmit(submit)(e)} noValidate className="grid gap-3 sm:grid-cols-3">
      {outcome && (
        <div className="sm:col-span-3">
          <Alert tone={outcome.tone}>{outcome.text}</Alert>
        </div>
      )}
      <Field id={id('code')} label={c.code} error={err('code')}>
        <Input id={id('code')} readOnly={!isNew} {...register('code')} />
      </Field>
      <Field id={id('nameEt')} label={c.nameEt} error={err('nameEt')}>
        <Input id={id('nameEt')} {...register('nameEt')} />
      </Field>
      <Field id={id('nameEn')} label={c.nameEn} error={err('nameEn')}>
        <Input id={id('nameEn')} {...register('nameEn')} />
      </Field>
      <Field id={id('direction')} label={c.direction}>
        {select('direction', [
          { value: 'incoming', label: m.register.directions.incoming },
          { value: 'outgoing', label: m.register.directions.outgoing },
        ])}
      </Field>
      <Field id={id('seriesCode')} label={c.series} error={err('seriesCode')}>
        {select('seriesCode', series)}
      </Field>
      <Field id={id('defaultUnitCode')} label={c.defaultUnit} error={err('defaultUnitCode')}>
        {select('defaultUnitCode', units, c.none)}
      </Field>
      <Field id={id('deadlineKind')} label={c.deadlineKind}>
        {select('deadlineKind', [
          { value: 'none', label: m.register.deadlineRules.none },
          { value: 'calendar_days', label: 'kalendripäevad' },
          { value: 'working_days', label: 'tööpäevad' },
        ])}
      </Field>
      <Field id={id('deadlineDays')} label={c.deadlineDays} error={err('deadlineDays')}>
        <Input id={id('deadlineDays')} inputMode="numeric" {...register('deadlineDays')} />
      </Field>
      <Field id={id('defaultGroundCode')} label={c.defaultGround} error={err('defaultGroundCode')}>
        {select('defaultGroundCode', grounds, c.none)}
      </Field>
      <div className="flex flex-col gap-2 text-sm sm:col-span-3">
        <label className="flex items-center gap-2">
          <input type="checkbox" className="h-4 w-4" {...register('defaultRestricted')} /> {c.defaultRestricted}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="h-4 w-4" {...register('restartAfterMissing')} /> {c.restartAfterMissing}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="h-4 w-4" {...register('isActive')} /> {c.isActive}
        </label>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {m.staff.save}
        </Button>
      </div>
    </form>
  );
}

export function ExtraDaysOff({ days }: { days: { day: string; reason: string; label: string }[] }) {
  const m = useMessages();
  const c = m.register.config;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const done = (ok: boolean, text: string, error?: string) => {
    setOutcome(ok ? { tone: 'success', text } : { tone: 'error', text: messageByKey(m, error ?? 'errors.generic') });
    if (ok) router.refresh();
  };
  return (
    <div className="flex flex-col gap-3">
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <ul className="flex flex-col gap-2 text-sm">
        {days.map((d) => (
          <li key={d.day} className="flex items-center gap-3">
            <span className="font-medium">{d.label}</span> {d.reason}
            <Button
              size="sm"
              variant="ghost"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await removeExtraDayOffAction({ day: d.day });
                  done(r.ok, c.dayRemoved, r.ok ? undefined : r.formError);
                })
              }
            >
              {c.remove}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const input = { day: String(data.get('day') ?? ''), reason: String(data.get('reason') ?? '') };
          start(async () => {
            const r = await addExtraDayOffAction(input);
            done(r.ok, c.dayAdded, r.ok ? undefined : (Object.values(r.fieldErrors ?? {})[0] ?? r.formError));
          });
        }}
      >
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor="day-off-day">{c.day}</label>
          <Input id="day-off-day" type="date" name="day" required />
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor="day-off-reason">{c.reason}</label>
          <Input id="day-off-reason" name="reason" maxLength={200} required />
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          {c.addDay}
        </Button>
      </form>
    </div>
  );
}
