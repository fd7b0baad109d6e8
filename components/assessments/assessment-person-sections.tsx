'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { IDENTITY_DOCUMENTS } from '@/lib/register-schema';
import type { applicantGroupOf } from '@/lib/assessment-schema';
import { IDENTIFIED_PERSONS, INTAKE_CHANNELS, REPRESENTATIVE_BASES, type AssessmentApplicationInput } from '@/lib/assessment-schema';
import { Section, type FormKit } from './assessment-form-kit';

export function ReceiptSection({
  kit,
  today,
  channel,
  hasRepresentative,
}: {
  kit: FormKit;
  today: string;
  channel: AssessmentApplicationInput['channel'] | undefined;
  hasRepresentative: boolean | undefined;
}) {
  const { a, f, m, register, errors, err, aria } = kit;
  return (
    <Section id="receipt" n={1} title={a.sections.receipt}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="channel" label={f.channel} error={err('channel')}>
          <Select id="channel" {...aria('channel', errors.channel)} {...register('channel')}>
            {INTAKE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {a.channels[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="receivedOn" label={f.receivedOn} error={err('receivedOn')}>
          <Input id="receivedOn" type="date" max={today} {...aria('receivedOn', errors.receivedOn)} {...register('receivedOn')} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <legend className="mb-1 font-semibold">{f.identity}</legend>
        <p className="text-sm text-slate-700">{channel === 'in_person' ? f.identityLeadInPerson : f.identityLeadOther}</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="identifiedPerson" label={f.identifiedPerson} error={err('identifiedPerson')}>
            <Select id="identifiedPerson" {...aria('identifiedPerson', errors.identifiedPerson)} {...register('identifiedPerson')}>
              {IDENTIFIED_PERSONS.filter((p) => p === 'applicant' || hasRepresentative).map((p) => (
                <option key={p} value={p}>
                  {a.identifiedPersons[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="identityDocumentType" label={f.identityDocumentType} error={err('identityDocumentType')}>
            <Select id="identityDocumentType" {...aria('identityDocumentType', errors.identityDocumentType)} {...register('identityDocumentType')}>
              <option value="">—</option>
              {IDENTITY_DOCUMENTS.map((d) => (
                <option key={d} value={d}>
                  {m.register.identityDocuments[d]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="identityDocumentNumber" label={f.identityDocumentNumber} error={err('identityDocumentNumber')}>
            <Input
              id="identityDocumentNumber"
              autoComplete="off"
              maxLength={20}
              {...aria('identityDocumentNumber', errors.identityDocumentNumber)}
              {...register('identityDocumentNumber')}
            />
          </Field>
          <Field id="identityValidUntil" label={f.identityValidUntil} error={err('identityValidUntil')}>
            <Input
              id="identityValidUntil"
              type="date"
              min={today}
              {...aria('identityValidUntil', errors.identityValidUntil)}
              {...register('identityValidUntil')}
            />
          </Field>
        </div>
      </fieldset>
    </Section>
  );
}

export function ApplicantSection({ kit, group }: { kit: FormKit; group: ReturnType<typeof applicantGroupOf> }) {
  const { a, f, register, errors, err, aria } = kit;
  return (
    <Section id="applicant" n={2} title={a.sections.applicant}>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="applicantCode" label={f.applicantCode} error={err('applicantCode')}>
          <Input
            id="applicantCode"
            inputMode="numeric"
            maxLength={11}
            autoComplete="off"
            {...aria('applicantCode', errors.applicantCode)}
            {...register('applicantCode')}
          />
        </Field>
        <Field id="applicantGivenName" label={f.givenName} error={err('applicantGivenName')}>
          <Input id="applicantGivenName" autoComplete="off" {...aria('applicantGivenName', errors.applicantGivenName)} {...register('applicantGivenName')} />
        </Field>
        <Field id="applicantFamilyName" label={f.familyName} error={err('applicantFamilyName')}>
          <Input
            id="applicantFamilyName"
            autoComplete="off"
            {...aria('applicantFamilyName', errors.applicantFamilyName)}
            {...register('applicantFamilyName')}
          />
        </Field>
        <div className="sm:col-span-3">
          <Field id="applicantAddress" label={f.address} error={err('applicantAddress')}>
            <Input id="applicantAddress" {...aria('applicantAddress', errors.applicantAddress)} {...register('applicantAddress')} />
          </Field>
        </div>
        <Field id="applicantPhone" label={f.phone} error={err('applicantPhone')}>
          <Input id="applicantPhone" type="tel" {...aria('applicantPhone', errors.applicantPhone)} {...register('applicantPhone')} />
        </Field>
        <Field id="applicantEmail" label={f.email} error={err('applicantEmail')}>
          <Input id="applicantEmail" type="email" {...aria('applicantEmail', errors.applicantEmail)} {...register('applicantEmail')} />
        </Field>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-800">{f.group}</span>
          <output aria-live="polite" className="flex h-10 items-center font-medium">
            {group ? a.groups[group] : <span className="text-slate-600">{f.groupUnknown}</span>}
          </output>
          <p className="text-xs text-slate-600">{f.groupHint}</p>
        </div>
      </div>
    </Section>
  );
}

export function RepresentativeSection({ kit, hasRepresentative }: { kit: FormKit; hasRepresentative: boolean | undefined }) {
  const { a, f, register, errors, err, aria, check } = kit;
  return (
    <Section id="representative" n={3} title={a.sections.representative}>
      <label className={check}>
        <input type="checkbox" className="mt-0.5 h-4 w-4" {...aria('hasRepresentative', errors.hasRepresentative)} {...register('hasRepresentative')} />
        {f.hasRepresentative}
      </label>
      {errors.hasRepresentative && (
        <p id="hasRepresentative-error" role="alert" className="text-sm text-red-700">
          {err('hasRepresentative')}
        </p>
      )}
      {hasRepresentative && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="representativeName" label={f.representativeName} error={err('representativeName')}>
            <Input id="representativeName" autoComplete="off" {...aria('representativeName', errors.representativeName)} {...register('representativeName')} />
          </Field>
          <Field id="representativeCode" label={f.representativeCode} error={err('representativeCode')}>
            <Input
              id="representativeCode"
              inputMode="numeric"
              maxLength={11}
              autoComplete="off"
              {...aria('representativeCode', errors.representativeCode)}
              {...register('representativeCode')}
            />
          </Field>
          <Field id="representativeBasis" label={f.representativeBasis} error={err('representativeBasis')}>
            <Select id="representativeBasis" {...aria('representativeBasis', errors.representativeBasis)} {...register('representativeBasis')}>
              <option value="">—</option>
              {REPRESENTATIVE_BASES.map((b) => (
                <option key={b} value={b}>
                  {a.bases[b]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="representativeBasisNote" label={f.representativeBasisNote} error={err('representativeBasisNote')}>
            <Input id="representativeBasisNote" {...aria('representativeBasisNote', errors.representativeBasisNote)} {...register('representativeBasisNote')} />
          </Field>
        </div>
      )}
    </Section>
  );
}
