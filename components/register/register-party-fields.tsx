'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { IDENTITY_DOCUMENTS, type RegisterDocumentInput } from '@/lib/register-schema';
import type { RegisterFormKit } from './register-form-kit';

/** Who sent the document: a client (whose identity is checked at the desk) or an institution. */
export function PartyFields({
  kit,
  party,
  channel,
  identityChecked,
  onClientCodeBlur,
}: {
  kit: RegisterFormKit;
  party: RegisterDocumentInput['party'] | undefined;
  channel: RegisterDocumentInput['channel'] | undefined;
  identityChecked: boolean | undefined;
  onClientCodeBlur: () => Promise<void>;
}) {
  const { r, register, errors, err, aria } = kit;
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold">{r.fields.party}</legend>
      <div className="flex gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" value="client" {...register('party')} /> {r.fields.partyClient}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="institution" {...register('party')} /> {r.fields.partyInstitution}
        </label>
      </div>
      {party === 'client' ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="clientCode" label={r.fields.clientCode} error={err('clientCode')}>
            <Input
              id="clientCode"
              inputMode="numeric"
              maxLength={11}
              autoComplete="off"
              {...aria('clientCode')}
              {...register('clientCode', { onBlur: onClientCodeBlur })}
            />
          </Field>
          <Field id="clientGivenName" label={r.fields.clientGivenName} error={err('clientGivenName')}>
            <Input id="clientGivenName" autoComplete="off" {...aria('clientGivenName')} {...register('clientGivenName')} />
          </Field>
          <Field id="clientFamilyName" label={r.fields.clientFamilyName} error={err('clientFamilyName')}>
            <Input id="clientFamilyName" autoComplete="off" {...aria('clientFamilyName')} {...register('clientFamilyName')} />
          </Field>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <Field id="institutionName" label={r.fields.institutionName} error={err('institutionName')}>
              <Input id="institutionName" {...aria('institutionName')} {...register('institutionName')} />
            </Field>
          </div>
          <Field id="institutionCode" label={r.fields.institutionCode} error={err('institutionCode')}>
            <Input id="institutionCode" inputMode="numeric" maxLength={8} {...aria('institutionCode')} {...register('institutionCode')} />
          </Field>
        </div>
      )}
      {party === 'client' && (channel === 'in_person' || identityChecked) && (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="h-4 w-4"
              aria-describedby={errors.identityChecked ? 'identityChecked-error' : undefined}
              {...register('identityChecked')}
            />
            {r.fields.identityChecked}
          </label>
          {errors.identityChecked && (
            <p id="identityChecked-error" role="alert" className="text-sm text-red-700">
              {err('identityChecked')}
            </p>
          )}
          {identityChecked && (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="identityDocumentType" label={r.fields.identityDocumentType} error={err('identityDocumentType')}>
                <Select id="identityDocumentType" {...register('identityDocumentType')}>
                  {IDENTITY_DOCUMENTS.map((d) => (
                    <option key={d} value={d}>
                      {r.identityDocuments[d]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="identityDocumentNumber" label={r.fields.identityDocumentNumber} error={err('identityDocumentNumber')}>
                <Input id="identityDocumentNumber" autoComplete="off" {...aria('identityDocumentNumber')} {...register('identityDocumentNumber')} />
              </Field>
              <Field id="identityValidUntil" label={r.fields.identityValidUntil} error={err('identityValidUntil')}>
                <Input id="identityValidUntil" type="date" {...aria('identityValidUntil')} {...register('identityValidUntil')} />
              </Field>
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
