import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

const tones = {
  info: 'border-brand-100 bg-brand-50 text-brand-900',
  success: 'border-green-200 bg-green-50 text-green-900',
  error: 'border-red-200 bg-red-50 text-red-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
} as const;

export function Alert({ tone = 'info', className, ...props }: ComponentProps<'div'> & { tone?: keyof typeof tones }) {
  return <div role={tone === 'error' ? 'alert' : 'status'} className={cn('rounded-md border px-4 py-3 text-sm', tones[tone], className)} {...props} />;
}
