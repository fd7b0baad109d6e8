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
import { benefitKindSchema, type BenefitKindInput } from '@/lib/payment-schema';

export function BenefitKindForm({
  initial,
  action,
}: {
  initial: BenefitKindInput | null;
  action: (input: BenefitKindInput) => Promise<ActionResult<undefined | void>>;
}) {
  const m = useMessages();
  const k = m.payments.kinds;
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<BenefitKindInput>({
    resolver: zodResolver(benefitKindSchema) as never,
    defaultValues: initial ?? { code: '', nameEt: '', nameEn: '', remittancePrefix: '', noteEt: '', noteEn: '', isActive: true },
  });
  const { errors, isSubmitting } = formState;
  const err = (name: keyof BenefitKindInput) => (errors[name]?.message ? messageByKey(m, String(errors[name]!.message)) : undefined);

  async function submit(values: BenefitKindInput) {
    setMessage(null);
    let result: ActionResult<undefined | void>;
    try {
      result = await action(values);
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    if (result.ok) {
      setMessage({ tone: 'success', text: k.saved });
      router.refresh();
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof BenefitKindInput, { message: code });
    setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
  }

  const text = (name: 'code' | 'nameEt' | 'nameEn' | 'remittancePrefix', label: string, readOnly = false) => (
    <Field id={name} label={label} error={err(name)}>
      <Input
        id={name}
        readOnly={readOnly}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        {...register(name)}
      />
    </Field>
  );

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="flex flex-col gap-4" aria-labelledby="kind-form-title">
      <h2 id="kind-form-title" className="text-lg font-semibold">
        {k.newKind}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {text('code', k.code, initial !== null)}
      {text('nameEt', k.nameEt)}
      {text('nameEn', k.nameEn)}
      {text('remittancePrefix', k.remittancePrefix)}
      <Field id="noteEt" label={k.noteEt} error={err('noteEt')}>
        <Textarea id="noteEt" rows={3} maxLength={500} error={err('noteEt')} {...register('noteEt')} />
      </Field>
      <Field id="noteEn" label={k.noteEn} error={err('noteEn')}>
        <Textarea id="noteEn" rows={3} maxLength={500} error={err('noteEn')} {...register('noteEn')} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4" {...register('isActive')} />
        {k.isActive}
      </label>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? k.saving : k.save}
        </Button>
      </div>
    </form>
  );
}
