'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { ABSENCE_KINDS, absenceSchema, type AbsenceInput } from '@/lib/absence-schema';
import type { ActionResult } from '@/lib/action-result';
import { fill, messageByKey } from '@/lib/i18n';

type Option = { value: string; label: string };
type Props = {
  me: { id: string; name: string };
  forWhom: Option[];
  substitutes: Option[];
  today: string;
  action: (input: AbsenceInput) => Promise<ActionResult<{ id: string }>>;
};

export function AbsenceForm({ me, forWhom, substitutes, today, action }: Props) {
  const m = useMessages();
  const a = m.absences;
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const empty: AbsenceInput = { staffId: '', kind: 'vacation', startsOn: today, endsOn: today, substituteId: '', note: '' };
  const { register, handleSubmit, setError, formState, reset } = useForm<AbsenceInput>({ resolver: zodResolver(absenceSchema) as never, defaultValues: empty });
  const { errors, isSubmitting } = formState;
  const [params, setParams] = useState<Record<string, string>>({});
  const err = (name: keyof AbsenceInput) => (errors[name]?.message ? fill(messageByKey(m, String(errors[name]!.message)), params) : undefined);
  const aria = (name: string, hasError: boolean) => ({
    'aria-invalid': hasError ? true : undefined,
    'aria-describedby': hasError ? `${name}-error` : undefined,
  });

  async function submit(values: AbsenceInput) {
    setMessage(null);
    let result: ActionResult<{ id: string }>;
    try {
      result = await action(values);
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    if (result.ok) {
      setMessage({ tone: 'success', text: a.saved });
      reset(empty);
      router.refresh();
      return;
    }
    setParams(result.params ?? {});
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof AbsenceInput, { message: code });
    setMessage({ tone: 'error', text: fill(messageByKey(m, result.formError ?? 'errors.generic'), result.params ?? {}) });
  }

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="flex flex-col gap-4" aria-labelledby="absence-form-title">
      <h2 id="absence-form-title" className="text-lg font-semibold">
        {a.add}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {forWhom.length > 1 && (
          <Field id="staffId" label={a.fields.staff} error={err('staffId')}>
            <Select id="staffId" {...aria('staffId', !!errors.staffId)} {...register('staffId')}>
              <option value="">{fill(a.fields.me, { name: me.name })}</option>
              {forWhom
                .filter((p) => p.value !== me.id)
                .map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
            </Select>
          </Field>
        )}
        <Field id="kind" label={a.fields.kind} error={err('kind')}>
          <Select id="kind" {...register('kind')}>
            {ABSENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {a.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="startsOn" label={a.fields.startsOn} error={err('startsOn')}>
          <Input id="startsOn" type="date" {...aria('startsOn', !!errors.startsOn)} {...register('startsOn')} />
        </Field>
        <Field id="endsOn" label={a.fields.endsOn} error={err('endsOn')}>
          <Input id="endsOn" type="date" {...aria('endsOn', !!errors.endsOn)} {...register('endsOn')} />
        </Field>
        <Field id="substituteId" label={a.fields.substitute} error={err('substituteId')}>
          <Select id="substituteId" {...aria('substituteId', !!errors.substituteId)} {...register('substituteId')}>
            <option value="">{a.fields.noSubstitute}</option>
            {substitutes.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="note" label={a.fields.note} error={err('note')}>
          <Input id="note" maxLength={500} {...register('note')} />
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? a.saving : a.save}
        </Button>
      </div>
    </form>
  );
}
