'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import { preparePaymentSchema, type CorrectPaymentInput, type PreparePaymentInput } from '@/lib/payment-schema';
import { lookupClientAction as lookupClient } from '@/server/register/actions';

type Kind = { code: string; name: string; note: string | null };

/** Correcting a returned payment: the same form and schema, filled in, sent to another action. */
export type Correction = {
  paymentId: string;
  values: Omit<PreparePaymentInput, 'submissionId'>;
  action: (input: CorrectPaymentInput) => Promise<ActionResult<undefined | void>>;
};

export function PaymentForm({
  kinds,
  action,
  correction,
}: {
  kinds: Kind[];
  action?: (input: PreparePaymentInput) => Promise<ActionResult<{ id: string }>>;
  correction?: Correction;
}) {
  const m = useMessages();
  const f = m.payments.form;
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, control, getValues, setValue } = useForm<PreparePaymentInput>({
    resolver: zodResolver(preparePaymentSchema) as never,
    defaultValues: {
      kindCode: kinds[0]?.code ?? '',
      deceasedCode: '',
      deceasedName: '',
      applicantCode: '',
      applicantName: '',
      basis: '',
      amount: '',
      recipientName: '',
      recipientIban: '',
      decisionDate: '',
      ...correction?.values,
      submissionId: crypto.randomUUID(),
    },
  });
  const { errors, isSubmitting } = formState;
  const err = (name: keyof PreparePaymentInput) => (errors[name]?.message ? messageByKey(m, String(errors[name]!.message)) : undefined);
  const kindCode = useWatch({ control, name: 'kindCode' });
  const note = kinds.find((k) => k.code === kindCode)?.note;

  // The applicant chosen by their personal code: a client of the register fills the name, and
  // the recipient too while it is empty or was the applicant (usually the same person).
  async function fillApplicant() {
    const code = getValues('applicantCode').trim();
    if (!/^\d{11}$/.test(code)) return;
    const result = await lookupClient(code).catch(() => null);
    if (!result?.ok || !result.data) return;
    const name = `${result.data.givenName} ${result.data.familyName}`;
    const before = getValues('applicantName').trim();
    const recipient = getValues('recipientName').trim();
    if (!before) setValue('applicantName', name, { shouldValidate: true });
    if (!recipient || recipient === before) setValue('recipientName', name, { shouldValidate: true });
  }

  async function submit(values: PreparePaymentInput) {
    setMessage(null);
    let result: ActionResult<unknown>;
    try {
      if (correction) {
        const { submissionId: _unused, ...fields } = values;
        result = await correction.action({ ...fields, paymentId: correction.paymentId });
      } else result = await action!(values);
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    if (result.ok) {
      if (correction) router.push(`/maksed/${correction.paymentId}?parandatud=1`);
      else router.push(`/maksed/${(result.data as { id: string }).id}?koostatud=1`);
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof PreparePaymentInput, { message: code });
    setMessage(messageByKey(m, result.formError ?? 'errors.generic'));
  }

  const text = (
    name: keyof PreparePaymentInput,
    label: string,
    props: { hint?: string; inputMode?: 'numeric' | 'decimal'; type?: string; autoComplete?: string; onBlur?: () => void } = {},
  ) => (
    <Field id={name} label={label} hint={props.hint} error={err(name)}>
      <Input
        id={name}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : props.hint ? `${name}-hint` : undefined}
        {...register(name, props.onBlur ? { onBlur: props.onBlur } : undefined)}
      />
    </Field>
  );

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="flex flex-col gap-4" aria-labelledby="payment-form-title">
      <div>
        <h1 id="payment-form-title" className="text-2xl font-semibold">
          {correction ? m.payments.correction.title : f.title}
        </h1>
        <p className="max-w-3xl text-slate-700">{correction ? m.payments.correction.lead : f.lead}</p>
      </div>
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="kindCode" label={f.kind} error={err('kindCode')}>
        <Select id="kindCode" aria-invalid={errors.kindCode ? true : undefined} {...register('kindCode')}>
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </Select>
      </Field>
      {note && <Alert tone="info">{note}</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        {text('deceasedCode', f.deceasedCode, { inputMode: 'numeric' })}
        {text('deceasedName', f.deceasedName)}
        {text('applicantCode', f.applicantCode, { inputMode: 'numeric', hint: f.applicantCodeHint, onBlur: () => void fillApplicant() })}
        {text('applicantName', f.applicantName)}
      </div>
      <Field id="basis" label={f.basis} hint={f.basisHint} error={err('basis')}>
        <Textarea id="basis" rows={2} maxLength={500} error={err('basis')} hint={f.basisHint} {...register('basis')} />
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        {text('amount', f.amount, { hint: f.amountHint, inputMode: 'decimal' })}
        {text('decisionDate', f.decisionDate, { type: 'date' })}
        {text('recipientName', f.recipientName, { hint: f.recipientNameHint })}
        {text('recipientIban', f.recipientIban, { hint: f.recipientIbanHint })}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? f.submitting : correction ? m.payments.correction.submit : f.submit}
        </Button>
      </div>
    </form>
  );
}
