'use client';

import { useState, type ReactNode } from 'react';

/**
 * A `<details>` that opens when `openWhen` turns true (an error inside, something missing) but is
 * never closed by a re-render: a controlled `open={cond}` shuts the panel, and hides what is in
 * it, the moment the condition clears, for instance the success message right after the work
 * it asked for is done, or the field the user is still correcting.
 */
export function Disclosure({
  summary,
  openWhen = false,
  className,
  summaryClassName,
  children,
}: {
  summary: ReactNode;
  openWhen?: boolean;
  className?: string;
  summaryClassName?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(openWhen);
  const [wasOpenWhen, setWasOpenWhen] = useState(openWhen);
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  if (openWhen !== wasOpenWhen) {
    setWasOpenWhen(openWhen);
    if (openWhen) setOpen(true);
  }
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
