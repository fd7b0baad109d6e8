'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { appendFiles } from '@/components/ui/send-with-files';
import type { ActionResult } from '@/lib/action-result';
import {
  applicantGroupOf,
  ASSESSMENT_KINDS,
  assessmentApplicationSchema,
  emptyLimitations,
  IDENTIFIED_PERSONS,
  INTAKE_CHANNELS,
  LIMITATION_LEVELS,
  REPRESENTATIVE_BASES,
  WORK_STATUSES,
  type AssessmentApplicationInput,
} from '@/lib/assessment-schema';
import { fill, messageByKey } from '@/lib/i18n';
import { IDENTITY_DOCUMENTS } from '@/lib/register-schema';

type Props = {
  today: string;
  register: (form: FormData) => Promise<ActionResult<{ id: string; documentId: string; number: string }>>;
};

const SECTIONS = ['receipt', 'applicant', 'representative', 'assessment', 'providers', 'limitations', 'work', 'consents', 'files'] as const;

function Section({ id, n, title, children }: { id: string; n: number; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="flex scroll-mt-4 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        <span className="mr-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm text-white" aria-hidden="true">
          {n}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function AssessmentForm({ today, register: registerApplication }: Props) {
  const m = useMessages();
  const a = m.assessments;
  const f = a.fields;
  const router = useRouter();
  const files = useRef<HTMLInputElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // One key per form shown: a double click or a retried request registers once.
  const [submissionId] = useState(() => crypto.randomUUID());
  const schema = useMemo(() => assessmentApplicationSchema({ today }), [today]);
  const { register, handleSubmit, setError, control, formState } = useForm<AssessmentApplicationInput>({
    resolver: zodResolver(schema) as never,
    defaultValues: {
      channel: 'in_person',
      receivedOn: today,
      identifiedPerson: 'applicant',
      identityDocumentType: '',
      identityDocumentNumber: '',
      identityValidUntil: '',
      applicantCode: '',
      applicantGivenName: '',
      applicantFamilyName: '',
      applicantAddress: '',
      applicantPhone: '',
      applicantEmail: '',
      hasRepresentative: false,
      representativeName: '',
      representativeCode: '',
      representativeBasis: '',
      representativeBasisNote: '',
      kind: 'disability',
      providers: [{ provider: '', doctor: '', speciality: '' }],
      limitations: emptyLimitations(),
      workStatus: 'not_working',
      employer: '',
      isStudying: false,
      school: '',
      workStudyNote: '',
      consentHealthData: false as never,
      consentJoint: false,
      consentTruthful: false as never,
      submissionId,
    },
  });
  const { errors, isSubmitting } = formState;
  const [registered, setRegistered] = useState(false);
  const providers = useFieldArray({ control, name: 'providers' });
  const [code, receivedOn, hasRepresentative, kind, workStatus, isStudying, limitations, channel] = useWatch({
    control,
    name: ['applicantCode', 'receivedOn', 'hasRepresentative', 'kind', 'workStatus', 'isStudying', 'limitations', 'channel'],
  });
  const group = applicantGroupOf(code ?? '', receivedOn ?? today);

  const text = (e: FieldError | undefined) => (e?.message ? messageByKey(m, e.message) : undefined);
  const err = (name: keyof AssessmentApplicationInput) => text(errors[name] as FieldError | undefined);
  const aria = (id: string, e: unknown) => ({ 'aria-invalid': e ? true : undefined, 'aria-describedby': e ? `${id}-error` : undefined });
  const listError = (e: unknown) => {
    const x = e as { message?: string; root?: { message?: string } } | undefined;
    const key = x?.message ?? x?.root?.message;
    return key ? messageByKey(m, key) : undefined;
  };

  async function submit(values: AssessmentApplicationInput) {
    setFormError(null);
    setFileError(null);
    const data = new FormData();
    data.append('input', JSON.stringify(values));
    appendFiles(data, Array.from(files.current?.files ?? []));
    let result: Awaited<ReturnType<typeof registerApplication>>;
    try {
      result = await registerApplication(data);
    } catch {
      result = { ok: false, formError: 'errors.generic' };
    }
    if (result.ok) {
      setRegistered(true);
      router.push(`/ekspertiisitaotlused/${result.data.id}?registreeritud=1`);
      return;
    }
    for (const [field, key] of Object.entries(result.fieldErrors ?? {})) {
      if (field === 'files') setFileError(fill(messageByKey(m, key), result.params ?? {}));
      else setError(field as keyof AssessmentApplicationInput, { message: key });
    }
    setFormError(fill(messageByKey(m, result.fieldErrors?.files ?? result.formError ?? 'errors.generic'), result.params ?? {}));
  }

  const check = 'flex items-start gap-2 text-sm';
  return (
    <form onSubmit={(e) => void handleSubmit(submit)(e)} noValidate className="flex flex-col gap-6">
      <nav aria-label={a.contents} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <ol className="flex flex-wrap gap-x-4 gap-y-1">
          {SECTIONS.map((s, i) => (
            <li key={s}>
              <a href={`#${s}`} className="text-brand-700 underline">
                {i + 1}. {a.sections[s]}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {formError && <Alert tone="error">{formError}</Alert>}

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
              <Input
                id="representativeName"
                autoComplete="off"
                {...aria('representativeName', errors.representativeName)}
                {...register('representativeName')}
              />
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
              <Input
                id="representativeBasisNote"
                {...aria('representativeBasisNote', errors.representativeBasisNote)}
                {...register('representativeBasisNote')}
              />
            </Field>
          </div>
        )}
      </Section>

      <Section id="assessment" n={4} title={a.sections.assessment}>
        <fieldset aria-describedby={errors.kind ? 'kind-error' : undefined} className="flex flex-col gap-2">
          <legend className="sr-only">{f.kind}</legend>
          {ASSESSMENT_KINDS.map((k) => (
            <label key={k} className={check}>
              <input type="radio" value={k} className="mt-0.5 h-4 w-4" {...register('kind')} />
              {a.kinds[k]}
            </label>
          ))}
        </fieldset>
        {errors.kind && (
          <p id="kind-error" role="alert" className="text-sm text-red-700">
            {err('kind')}
          </p>
        )}
      </Section>

      <Section id="providers" n={5} title={a.sections.providers}>
        <p className="text-sm text-slate-700">{f.providersLead}</p>
        {providers.fields.map((field, i) => {
          const pe = errors.providers?.[i];
          return (
            <fieldset key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1.5fr_1fr_auto] sm:items-start">
              <legend className="px-1 text-sm font-medium">{fill(f.providerN, { n: i + 1 })}</legend>
              <Field id={`providers.${i}.provider`} label={f.provider} error={text(pe?.provider)}>
                <Input id={`providers.${i}.provider`} {...aria(`providers.${i}.provider`, pe?.provider)} {...register(`providers.${i}.provider`)} />
              </Field>
              <Field id={`providers.${i}.doctor`} label={f.doctor} error={text(pe?.doctor)}>
                <Input id={`providers.${i}.doctor`} {...aria(`providers.${i}.doctor`, pe?.doctor)} {...register(`providers.${i}.doctor`)} />
              </Field>
              <Field id={`providers.${i}.speciality`} label={f.speciality} error={text(pe?.speciality)}>
                <Input id={`providers.${i}.speciality`} {...aria(`providers.${i}.speciality`, pe?.speciality)} {...register(`providers.${i}.speciality`)} />
              </Field>
              <Button
                type="button"
                variant="ghost"
                disabled={providers.fields.length === 1}
                onClick={() => providers.remove(i)}
                aria-label={fill(f.removeProvider, { n: i + 1 })}
              >
                ✕
              </Button>
            </fieldset>
          );
        })}
        {listError(errors.providers) && (
          <p role="alert" className="text-sm text-red-700">
            {listError(errors.providers)}
          </p>
        )}
        <div>
          <Button
            type="button"
            variant="secondary"
            disabled={providers.fields.length >= 10}
            onClick={() => providers.append({ provider: '', doctor: '', speciality: '' })}
          >
            {f.addProvider}
          </Button>
        </div>
      </Section>

      <Section id="limitations" n={6} title={a.sections.limitations}>
        <p className="text-sm text-slate-700">{f.limitationsLead}</p>
        {emptyLimitations().map(({ area }, i) => {
          const le = errors.limitations?.[i];
          const level = limitations?.[i]?.level ?? 'none';
          return (
            <fieldset key={area} className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-[1fr_2fr]">
              <legend className="sr-only">{a.areas[area]}</legend>
              <Field id={`limitations.${i}.level`} label={a.areas[area]} error={text(le?.level)}>
                <Select id={`limitations.${i}.level`} {...aria(`limitations.${i}.level`, le?.level)} {...register(`limitations.${i}.level`)}>
                  {LIMITATION_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {a.levels[l]}
                    </option>
                  ))}
                </Select>
              </Field>
              {level !== 'none' ? (
                <Field id={`limitations.${i}.description`} label={`${f.description}: ${a.areas[area].toLowerCase()}`} error={text(le?.description)}>
                  <Textarea
                    id={`limitations.${i}.description`}
                    rows={2}
                    className="min-h-0"
                    maxLength={2000}
                    error={text(le?.description)}
                    {...register(`limitations.${i}.description`)}
                  />
                </Field>
              ) : (
                <span />
              )}
            </fieldset>
          );
        })}
        {listError(errors.limitations) && (
          <p role="alert" className="text-sm text-red-700">
            {listError(errors.limitations)}
          </p>
        )}
      </Section>

      <Section id="work" n={7} title={a.sections.work}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="workStatus" label={f.workStatus} error={err('workStatus')}>
            <Select id="workStatus" {...aria('workStatus', errors.workStatus)} {...register('workStatus')}>
              {WORK_STATUSES.map((w) => (
                <option key={w} value={w}>
                  {a.workStatuses[w]}
                </option>
              ))}
            </Select>
          </Field>
          {(workStatus === 'employed' || workStatus === 'self_employed') && (
            <Field id="employer" label={f.employer} error={err('employer')}>
              <Input id="employer" {...aria('employer', errors.employer)} {...register('employer')} />
            </Field>
          )}
        </div>
        <label className={check}>
          <input type="checkbox" className="mt-0.5 h-4 w-4" {...register('isStudying')} />
          {f.isStudying}
        </label>
        {isStudying && (
          <div className="max-w-md">
            <Field id="school" label={f.school} error={err('school')}>
              <Input id="school" {...aria('school', errors.school)} {...register('school')} />
            </Field>
          </div>
        )}
        <Field id="workStudyNote" label={f.workStudyNote} error={err('workStudyNote')}>
          <Input id="workStudyNote" {...aria('workStudyNote', errors.workStudyNote)} {...register('workStudyNote')} />
        </Field>
      </Section>

      <Section id="consents" n={8} title={a.sections.consents}>
        {(['consentHealthData', ...(kind === 'disability_and_work_ability' ? (['consentJoint'] as const) : []), 'consentTruthful'] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label className={check}>
              <input type="checkbox" className="mt-0.5 h-4 w-4" {...aria(name, errors[name])} {...register(name)} />
              {f[name]}
            </label>
            {errors[name] && (
              <p id={`${name}-error`} role="alert" className="text-sm text-red-700">
                {err(name)}
              </p>
            )}
          </div>
        ))}
      </Section>

      <Section id="files" n={9} title={a.sections.files}>
        <div className="flex flex-col gap-1">
          <label htmlFor="attachments" className="text-sm font-medium text-slate-800">
            {f.files}
          </label>
          <input
            id="attachments"
            ref={files}
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff"
            className="text-sm"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'attachments-error' : undefined}
          />
          {fileError && (
            <p id="attachments-error" role="alert" className="text-sm text-red-700">
              {fileError}
            </p>
          )}
        </div>
      </Section>

      <div>
        <Button type="submit" size="lg" disabled={isSubmitting || registered}>
          {isSubmitting ? a.saving : a.save}
        </Button>
      </div>
    </form>
  );
}
