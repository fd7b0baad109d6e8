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
import { messageByKey } from '@/lib/i18n';
import { ROLES } from '@/lib/roles';
import { staffInputSchema, type StaffInput } from '@/lib/staff-schema';
import { createStaffAction, updateStaffAction } from '@/server/staff/actions';

type Option = { value: string; label: string };
type Props = {
  options: { units: Option[]; offices: Option[]; regions: Option[]; managers: Option[] };
  initial?: StaffInput & { id: string; version: string };
};

const empty: StaffInput = {
  personalCode: '',
  givenName: '',
  familyName: '',
  email: '',
  phone: '',
  title: '',
  titleEn: '',
  unitCode: 'klienditeenindus',
  officeCode: '',
  regionCode: '',
  managerId: '',
  roles: ['specialist'],
};

export function StaffForm({ options, initial }: Props) {
  const m = useMessages();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<StaffInput>({
    resolver: zodResolver(staffInputSchema) as never,
    defaultValues: initial ?? empty,
  });
  const { errors, isSubmitting } = formState;
  const err = (name: keyof StaffInput) => {
    const message = errors[name]?.message;
    return message ? messageByKey(m, message) : undefined;
  };
  const aria = (name: keyof StaffInput) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const result = initial ? await updateStaffAction({ ...values, id: initial.id, version: initial.version }) : await createStaffAction(values);
    if (result.ok) {
      if (initial) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(`/admin/tootajad/${(result.data as { id: string }).id}?lisatud=1`);
      }
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof StaffInput, { message: code });
    }
    setFormError(messageByKey(m, result.formError ?? 'errors.generic'));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">{m.staff.updated}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="personalCode" label={m.staff.personalCode} error={err('personalCode')}>
          <Input id="personalCode" inputMode="numeric" autoComplete="off" maxLength={11} {...aria('personalCode')} {...register('personalCode')} />
        </Field>
        <Field id="email" label={m.staff.email} error={err('email')}>
          <Input id="email" type="email" autoComplete="off" {...aria('email')} {...register('email')} />
        </Field>
        <Field id="givenName" label={m.staff.givenName} error={err('givenName')}>
          <Input id="givenName" {...aria('givenName')} {...register('givenName')} />
        </Field>
        <Field id="familyName" label={m.staff.familyName} error={err('familyName')}>
          <Input id="familyName" {...aria('familyName')} {...register('familyName')} />
        </Field>
        <Field id="phone" label={m.staff.phone} error={err('phone')}>
          <Input id="phone" type="tel" {...aria('phone')} {...register('phone')} />
        </Field>
        <Field id="title" label={m.staff.title_} error={err('title')}>
          <Input id="title" {...aria('title')} {...register('title')} />
        </Field>
        <Field id="titleEn" label={m.staff.titleEn} error={err('titleEn')}>
          <Input id="titleEn" lang="en" {...aria('titleEn')} {...register('titleEn')} />
        </Field>
        <Field id="unitCode" label={m.staff.unit} error={err('unitCode')}>
          <Select id="unitCode" {...aria('unitCode')} {...register('unitCode')}>
            {options.units.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="regionCode" label={m.staff.region} error={err('regionCode')}>
          <Select id="regionCode" {...aria('regionCode')} {...register('regionCode')}>
            <option value="">—</option>
            {options.regions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="officeCode" label={m.staff.office} error={err('officeCode')}>
          <Select id="officeCode" {...aria('officeCode')} {...register('officeCode')}>
            <option value="">{m.staff.noOffice}</option>
            {options.offices.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="managerId" label={m.staff.manager} error={err('managerId')}>
          <Select id="managerId" {...aria('managerId')} {...register('managerId')}>
            <option value="">{m.staff.noManager}</option>
            {options.managers.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.roles ? 'roles-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">{m.staff.roles}</legend>
        <div className="flex flex-wrap gap-4">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={role} className="h-4 w-4" {...register('roles')} />
              {m.roles[role]}
            </label>
          ))}
        </div>
        {errors.roles && (
          <p id="roles-error" role="alert" className="text-sm text-red-700">
            {messageByKey(m, errors.roles.message ?? 'errors.noRoles')}
          </p>
        )}
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? m.staff.saving : m.staff.save}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push('/admin/tootajad')}>
          {m.staff.cancel}
        </Button>
      </div>
    </form>
  );
}
