'use client';

import { useId } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { appendFiles, chosenFiles } from '@/components/ui/send-with-files';
import { refuseTooLarge } from './scan-limit';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { DocumentStatus } from '@/lib/register-schema';
import { addScansAction, certifyAttachmentAction, setDocumentStatusAction } from '@/server/register/actions';
import { AuthorityPanel } from './authority-panel';
import type { ActionDoc, PanelKit } from './document-action-kit';
import { ExtendDeadlinePanel } from './extend-deadline-panel';
import { ForwardPanel } from './forward-panel';
import { MissingDocumentsPanel, MissingReceivedPanel } from './missing-documents-panels';
import { ReplyPanel } from './reply-panel';

type Option = { value: string; label: string };
type Props = {
  doc: ActionDoc;
  units: Option[];
  people: (Option & { unitCode: string })[];
  today: string;
  defaultClientDeadline: string;
};

// The document card's actions: the status buttons, and a panel for each thing that can be done
// with the document in its state (each panel in its own file; they report to one outcome line).
export function DocumentActions({ doc, units, people, today, defaultClientDeadline }: Props) {
  const m = useMessages();
  const a = m.register.actions;
  const idPrefix = useId();
  const { pending, outcome, run } = useActionOutcome(m);
  const kit: PanelKit = { doc, idPrefix, pending, run };
  const incomingOpen = doc.direction === 'incoming' && doc.status !== 'closed';
  // The hand-set statuses (server/register/forward.ts manualTransitions) as buttons.
  const statusButtons: { from: DocumentStatus[]; to: DocumentStatus; label: string }[] = [
    { from: ['registered'], to: 'in_progress', label: a.start },
    { from: ['registered', 'in_progress', 'answered'], to: 'closed', label: a.close },
    { from: ['closed', 'answered'], to: 'in_progress', label: a.reopen },
  ];

  return (
    <div className="flex flex-col gap-3">
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <div className="flex flex-wrap gap-2">
        {statusButtons
          .filter((b) => b.from.includes(doc.status))
          .map((b) => (
            <Button
              key={b.label}
              size="sm"
              variant={b.to === 'in_progress' && doc.status === 'registered' ? 'primary' : 'secondary'}
              disabled={pending}
              onClick={() =>
                run(
                  () => setDocumentStatusAction({ documentId: doc.id, version: doc.version, status: b.to }),
                  () => a.statusChanged,
                )
              }
            >
              {b.label}
            </Button>
          ))}
      </div>

      {doc.status !== 'closed' && <ForwardPanel kit={kit} units={units} people={people} />}

      {incomingOpen && !doc.hasOpenRequest && ['registered', 'in_progress'].includes(doc.status) && (
        <MissingDocumentsPanel kit={kit} today={today} defaultClientDeadline={defaultClientDeadline} />
      )}

      {doc.hasOpenRequest && <MissingReceivedPanel kit={kit} today={today} />}

      {doc.canExtend && doc.hasDeadline && <ExtendDeadlinePanel kit={kit} />}

      {incomingOpen && <ReplyPanel kit={kit} />}

      {incomingOpen && <AuthorityPanel kit={kit} />}
    </div>
  );
}

export function AddScans({ documentId }: { documentId: string }) {
  const m = useMessages();
  const idPrefix = useId();
  const { pending, outcome, run } = useActionOutcome(m);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const form = new FormData();
        form.append('input', JSON.stringify({ documentId }));
        const files = chosenFiles(data);
        appendFiles(form, files);
        const target = e.currentTarget;
        run(
          () => refuseTooLarge(files) ?? addScansAction(form),
          () => {
            target.reset();
            return m.register.card.addFiles;
          },
        );
      }}
    >
      {outcome?.tone === 'error' && <Alert tone="error">{outcome.text}</Alert>}
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${idPrefix}-files`}>{m.register.card.addFiles}</label>
        <input type="file" id={`${idPrefix}-files`} name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" className="text-sm" />
      </div>
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {m.register.card.upload}
        </Button>
      </div>
    </form>
  );
}

export function CertifyButton({ attachmentId, documentId }: { attachmentId: string; documentId: string }) {
  const m = useMessages();
  const { pending, outcome, run } = useActionOutcome(m);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={() =>
          run(
            () => certifyAttachmentAction({ attachmentId, documentId }),
            () => m.register.card.certify,
          )
        }
      >
        {m.register.card.certify}
      </Button>
      {outcome?.tone === 'error' && <span className="text-sm text-red-700">{outcome.text}</span>}
    </>
  );
}
