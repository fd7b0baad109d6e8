'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { appendFiles } from '@/components/ui/send-with-files';
import { formatDays, dayUnitOf } from '@/lib/day-count';
import { fill, messageByKey } from '@/lib/i18n';
import { CHANNELS, registerDocumentSchema, type RegisterDocumentInput } from '@/lib/register-schema';
import { scanProblem } from '@/lib/upload-limits';
import { lookupClientAction, registerDocumentAction } from '@/server/register/actions';
import { AccessFields } from './register-access-fields';
import type { RegisterFormKit } from './register-form-kit';
import { PartyFields } from './register-party-fields';

type Option = { value: string; label: string };
type TypeOption = {
  code: string;
  name: string;
  direction: string;
  defaultRestricted: boolean;
  defaultGroundCode: string | null;
  defaultUnitCode: string | null;
  deadlineKind: 'none' | 'calendar_days' | 'working_days';
  deadlineDays: number | null;
};
type Props = {
  options: {
    types: TypeOption[];
    grounds: { code: string; label: string; explanation: string; termYears: number }[];
    units: Option[];
    people: (Option & { unitCode: string })[];
  };
  defaults: { receivedAt: string; unitCode: string; matterId?: string; client?: { code: string; givenName: string; familyName: string } };
};

export function RegisterForm({ options, defaults }: Props) {
  const m = useMessages();
  const router = useRouter();
  const r = m.register;
  const incoming = options.types.filter((t) => t.direction === 'incoming');
  const first = incoming[0]!;
  const [formError, setFormError] = useState<string | null>(null);
  const files = useRef<HTMLInputElement>(null);
  const { register, handleSubmit, setError, control, setValue, formState, getValues } = useForm<RegisterDocumentInput>({
    resolver: zodResolver(registerDocumentSchema) as never,
    defaultValues: {
      typeCode: first.code,
      channel: 'in_person',
      receivedAt: defaults.receivedAt,
      party: 'client',
      clientCode: defaults.client?.code ?? '',
      clientGivenName: defaults.client?.givenName ?? '',
      clientFamilyName: defaults.client?.familyName ?? '',
      institutionName: '',
      institutionCode: '',
      identityChecked: false,
      identityDocumentType: 'id_card',
      identityDocumentNumber: '',
      identityValidUntil: '',
      title: '',
      senderReference: '',
      senderDate: '',
      pages: '',
      isRestricted: first.defaultRestricted,
      restrictionGroundCode: first.defaultGroundCode ?? '',
      restrictionUntil: '',
      unitCode: first.defaultUnitCode ?? defaults.unitCode,
      assigneeId: '',
      otherAuthority: false,
      matterId: defaults.matterId ?? '',
      submissionId: crypto.randomUUID(),
    },
  });
  const { errors, isSubmitting } = formState;
  const [typeCode, party, channel, isRestricted, identityChecked, groundCode, unitCode] = useWatch({
    control,
    name: ['typeCode', 'party', 'channel', 'isRestricted', 'identityChecked', 'restrictionGroundCode', 'unitCode'],
  });
  const type = options.types.find((t) => t.code === typeCode) ?? first;
  const ground = options.grounds.find((g) => g.code === groundCode);

  // A document type brings its usual access ground and responsible unit.
  useEffect(() => {
    setValue('isRestricted', type.defaultRestricted);
    setValue('restrictionGroundCode', type.defaultGroundCode ?? '');
    if (type.defaultUnitCode) setValue('unitCode', type.defaultUnitCode);
  }, [type, setValue]);

  const err = (name: keyof RegisterDocumentInput) => {
    const message = errors[name]?.message;
    return message ? messageByKey(m, message) : undefined;
  };
  const aria = (name: keyof RegisterDocumentInput) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
  });

  async function lookupClient() {
    const code = getValues('clientCode').trim();
    if (!/^\d{11}$/.test(code) || getValues('clientGivenName')) return;
    const result = await lookupClientAction(code);
    if (result.ok && result.data) {
      setValue('clientGivenName', result.data.givenName);
      setValue('clientFamilyName', result.data.familyName);
    }
  }

  const submit = async (values: RegisterDocumentInput) => {
    setFormError(null);
    const chosen = Array.from(files.current?.files ?? []);
    // Too large a scan is told before it is sent (lib/upload-limits.ts); the server checks again.
    const tooLarge = scanProblem(chosen);
    if (tooLarge) return setFormError(fill(messageByKey(m, tooLarge.key), tooLarge.params));
    const data = new FormData();
    data.append('input', JSON.stringify(values));
    appendFiles(data, chosen);
    const result = await registerDocumentAction(data);
    if (result.ok) {
      router.push(`/dokumendid/${result.data.id}?registreeritud=${encodeURIComponent(result.data.number)}`);
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) {
      if (field !== 'files') setError(field as keyof RegisterDocumentInput, { message: code });
    }
    const fileError = result.fieldErrors?.files;
    setFormError(fill(messageByKey(m, fileError ?? result.formError ?? 'errors.generic'), result.params ?? {}));
  };

  const rule = type.deadlineKind === 'none' ? r.deadlineRules.none : formatDays(type.deadlineDays ?? 0, dayUnitOf(type.deadlineKind), m.locale);
  const people = options.people.filter((p) => p.unitCode === unitCode);
  const kit: RegisterFormKit = { r, register, errors, err, aria };

  return (
    <form onSubmit={(e) => void handleSubmit(submit)(e)} noValidate className="flex flex-col gap-6">
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="sr-only">{r.fields.type}</legend>
        <Field id="typeCode" label={r.fields.type} error={err('typeCode')} hint={`${r.fields.deadlineRule}: ${rule}`}>
          <Select id="typeCode" {...aria('typeCode')} {...register('typeCode')}>
            {incoming.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="channel" label={r.fields.channel} error={err('channel')}>
          <Select id="channel" {...aria('channel')} {...register('channel')}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {r.channels[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="receivedAt" label={r.fields.receivedAt} error={err('receivedAt')}>
          <Input id="receivedAt" type="datetime-local" {...aria('receivedAt')} {...register('receivedAt')} />
        </Field>
      </fieldset>

      <PartyFields kit={kit} party={party} channel={channel} identityChecked={identityChecked} onClientCodeBlur={lookupClient} />

      <div className="grid gap-4 sm:grid-cols-4">
        <div className="sm:col-span-4">
          <Field id="title" label={r.fields.title} error={err('title')}>
            <Input id="title" {...aria('title')} {...register('title')} />
          </Field>
        </div>
        <Field id="senderReference" label={r.fields.senderReference} error={err('senderReference')}>
          <Input id="senderReference" {...aria('senderReference')} {...register('senderReference')} />
        </Field>
        <Field id="senderDate" label={r.fields.senderDate} error={err('senderDate')}>
          <Input id="senderDate" type="date" {...aria('senderDate')} {...register('senderDate')} />
        </Field>
        <Field id="pages" label={r.fields.pages} error={err('pages')}>
          <Input id="pages" inputMode="numeric" {...aria('pages')} {...register('pages')} />
        </Field>
      </div>

      <AccessFields kit={kit} isRestricted={isRestricted} grounds={options.grounds} ground={ground} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="unitCode" label={r.fields.unit} error={err('unitCode')}>
          <Select id="unitCode" {...aria('unitCode')} {...register('unitCode', { onChange: () => setValue('assigneeId', '') })}>
            {options.units.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="assigneeId" label={r.fields.assignee} error={err('assigneeId')}>
          <Select id="assigneeId" {...aria('assigneeId')} {...register('assigneeId')}>
            <option value="">{r.fields.noAssignee}</option>
            {people.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4" {...register('otherAuthority')} />
        {r.fields.otherAuthority}
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor="files" className="text-sm font-medium text-slate-800">
          {r.fields.files}
        </label>
        <input id="files" ref={files} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" className="text-sm" />
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? r.saving : r.save}
        </Button>
      </div>
    </form>
  );
}
