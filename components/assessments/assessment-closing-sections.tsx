'use client';

import type { RefObject } from 'react';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { WORK_STATUSES, type AssessmentApplicationInput } from '@/lib/assessment-schema';
import { Section, type FormKit } from './assessment-form-kit';

export function WorkSection({
  kit,
  workStatus,
  isStudying,
}: {
  kit: FormKit;
  workStatus: AssessmentApplicationInput['workStatus'] | undefined;
  isStudying: boolean | undefined;
}) {
  const { a, f, register, errors, err, aria, check } = kit;
  return (
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
  );
}

export function ConsentsSection({ kit, kind }: { kit: FormKit; kind: AssessmentApplicationInput['kind'] | undefined }) {
  const { a, f, register, errors, err, aria, check } = kit;
  return (
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
  );
}

export function FilesSection({ kit, files, fileError }: { kit: FormKit; files: RefObject<HTMLInputElement | null>; fileError: string | null }) {
  const { a, f } = kit;
  return (
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
  );
}
