'use client';

import type { FormEvent, ReactNode } from 'react';
import type { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { DocumentStatus } from '@/lib/register-schema';

// What the document card's action panels share (document-actions.tsx shows them): the document
// they act on, the ids of their fields, and the one outcome line they all report to.

export type ActionDoc = {
  id: string;
  /** The version of the document the card shows: status, forwarding, deadline decisions are about that. */
  version: string;
  status: DocumentStatus;
  direction: 'incoming' | 'outgoing';
  unitCode: string;
  hasDeadline: boolean;
  hasOpenRequest: boolean;
  canExtend: boolean;
};

export type PanelKit = {
  doc: ActionDoc;
  /** Prefixes the panels' field ids, so their labels stay unique on the card. */
  idPrefix: string;
  pending: boolean;
  run: ReturnType<typeof useActionOutcome>['run'];
};

export function Panel({ title, children, open }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="group rounded-md border border-slate-200 bg-white" open={open}>
      <summary className="cursor-pointer select-none px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">{title}</summary>
      <div className="border-t border-slate-200 p-4">{children}</div>
    </details>
  );
}

export const value = (e: FormEvent<HTMLFormElement>, name: string) => String(new FormData(e.currentTarget).get(name) ?? '');
