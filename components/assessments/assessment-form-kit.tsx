import type { ReactNode } from 'react';
import type { FieldError, FieldErrors, UseFormRegister } from 'react-hook-form';
import type { AssessmentApplicationInput } from '@/lib/assessment-schema';
import type { Messages } from '@/lib/i18n';

// What every section of the assessment application form shares: its messages, the form's
// register and errors, and the helpers that turn an error into text and ARIA attributes.
export type FormKit = {
  m: Messages;
  a: Messages['assessments'];
  f: Messages['assessments']['fields'];
  register: UseFormRegister<AssessmentApplicationInput>;
  errors: FieldErrors<AssessmentApplicationInput>;
  text: (e: FieldError | undefined) => string | undefined;
  err: (name: keyof AssessmentApplicationInput) => string | undefined;
  aria: (id: string, e: unknown) => { 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };
  listError: (e: unknown) => string | undefined;
  check: string;
};

/** One numbered section of the form, reachable from its table of contents. */
export function Section({ id, n, title, children }: { id: string; n: number; title: string; children: ReactNode }) {
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
