'use client';

import type { UseFieldArrayReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { fill } from '@/lib/i18n';
import { ASSESSMENT_KINDS, LIMITATION_LEVELS, emptyLimitations, type AssessmentApplicationInput } from '@/lib/assessment-schema';
import { Section, type FormKit } from './assessment-form-kit';

export function KindSection({ kit }: { kit: FormKit }) {
  const { a, f, register, errors, err, check } = kit;
  return (
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
  );
}

export function ProvidersSection({ kit, providers }: { kit: FormKit; providers: UseFieldArrayReturn<AssessmentApplicationInput, 'providers'> }) {
  const { a, f, register, errors, text, aria, listError } = kit;
  return (
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
  );
}

export function LimitationsSection({ kit, limitations }: { kit: FormKit; limitations: AssessmentApplicationInput['limitations'] | undefined }) {
  const { a, f, register, errors, text, aria, listError } = kit;
  return (
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
  );
}
