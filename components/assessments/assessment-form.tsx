'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { appendFiles } from '@/components/ui/send-with-files';
import type { ActionResult } from '@/lib/action-result';
import { applicantGroupOf, assessmentApplicationSchema, emptyLimitations, type AssessmentApplicationInput } from '@/lib/assessment-schema';
import { fill, messageByKey } from '@/lib/i18n';
import { ApplicantSection, ReceiptSection, RepresentativeSection } from './assessment-person-sections';
import { KindSection, LimitationsSection, ProvidersSection } from './assessment-health-sections';
import { ConsentsSection, FilesSection, WorkSection } from './assessment-closing-sections';
import type { FormKit } from './assessment-form-kit';

type Props = {
  today: string;
  register: (form: FormData) => Promise<ActionResult<{ id: string; documentId: string; number: string }>>;
};

const SECTIONS = ['receipt', 'applicant', 'representative', 'assessment', 'providers', 'limitations', 'work', 'consents', 'files'] as const;

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
  const kit: FormKit = { m, a, f, register, errors, text, err, aria, listError, check };
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

      <ReceiptSection kit={kit} today={today} channel={channel} hasRepresentative={hasRepresentative} />

      <ApplicantSection kit={kit} group={group} />

      <RepresentativeSection kit={kit} hasRepresentative={hasRepresentative} />

      <KindSection kit={kit} />

      <ProvidersSection kit={kit} providers={providers} />

      <LimitationsSection kit={kit} limitations={limitations} />

      <WorkSection kit={kit} workStatus={workStatus} isStudying={isStudying} />

      <ConsentsSection kit={kit} kind={kind} />

      <FilesSection kit={kit} files={files} fileError={fileError} />

      <div>
        <Button type="submit" size="lg" disabled={isSubmitting || registered}>
          {isSubmitting ? a.saving : a.save}
        </Button>
      </div>
    </form>
  );
}
