import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        'h-10 w-full rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700',
        className,
      )}
      {...props}
    />
  );
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn('h-10 w-full rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 aria-[invalid=true]:border-red-700', className)}
      {...props}
    />
  );
}

/**
 * A multi-line text field. With `id` and `error`/`hint` it points screen readers at the
 * message the surrounding <Field> renders (`<id>-error`, `<id>-hint`).
 */
export function Textarea({ className, error, hint, ...props }: ComponentProps<'textarea'> & { error?: string; hint?: string }) {
  const describedBy = error ? `${props.id}-error` : hint ? `${props.id}-hint` : undefined;
  return (
    <textarea
      rows={3}
      maxLength={4000}
      className={cn(
        'min-h-24 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700',
        className,
      )}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      {...props}
    />
  );
}
