'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { appendFiles, chosenFiles } from '@/components/ui/send-with-files';
import { refuseTooLarge } from './scan-limit';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import { formatDate } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { OUTGOING_CHANNELS, type DocumentStatus } from '@/lib/register-schema';
import {
  addScansAction,
  certifyAttachmentAction,
  extendDeadlineAction,
  forwardDocumentAction,
  forwardToAuthorityAction,
  markMissingReceivedAction,
  registerReplyAction,
  setDocumentStatusAction,
} from '@/server/register/actions';

type Option = { value: string; label: string };
type Props = {
  doc: {
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
  units: Option[];
  people: (Option & { unitCode: string })[];
  today: string;
  defaultClientDeadline: string;
};

function Panel({ title, children, open }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="group rounded-md border border-slate-200 bg-white" open={open}>
      <summary className="cursor-pointer select-none px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">{title}</summary>
      <div className="border-t border-slate-200 p-4">{children}</div>
    </details>
  );
}

const value = (e: FormEvent<HTMLFormElement>, name: string) => String(new FormData(e.currentTarget).get(name) ?? '');

export function DocumentActions({ doc, units, people, today, defaultClientDeadline }: Props) {
  const m = useMessages();
  const a = m.register.actions;
  const router = useRouter();
  const idPrefix = useId();
  const { pending, outcome, run } = useActionOutcome(m);
  const [forwardUnit, setForwardUnit] = useState(doc.unitCode);
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

      {doc.status !== 'closed' && (
        <Panel title={a.forward}>
          <form
            className="grid gap-3 sm:grid-cols-2"
            onSubmit={(e) => {
              e.preventDefault();
              const input = {
                documentId: doc.id,
                version: doc.version,
                unitCode: value(e, 'unitCode'),
                assigneeId: value(e, 'assigneeId'),
                note: value(e, 'note'),
              };
              run(
                () => forwardDocumentAction(input),
                (d) => {
                  // Sent out of this person's sight: continue from the list.
                  if (!d.stillVisible) router.push(`/dokumendid?edastatud=${encodeURIComponent(d.number)}`);
                  return a.forwarded;
                },
              );
            }}
          >
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-unitCode`}>{m.register.fields.unit}</label>
              <Select id={`${idPrefix}-unitCode`} name="unitCode" value={forwardUnit} onChange={(e) => setForwardUnit(e.target.value)}>
                {units.map((u) => (
                  <option key={u.value} value={u.value}>
                    {u.label}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-assigneeId`}>{m.register.fields.assignee}</label>
              <Select id={`${idPrefix}-assigneeId`} name="assigneeId" defaultValue="">
                <option value="">{m.register.fields.noAssignee}</option>
                {people
                  .filter((p) => p.unitCode === forwardUnit)
                  .map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1 text-sm sm:col-span-2">
              <label htmlFor={`${idPrefix}-forward-note`}>{a.forwardNote}</label>
              <Input id={`${idPrefix}-forward-note`} name="note" maxLength={1000} />
            </div>
            <div>
              <Button type="submit" size="sm" disabled={pending}>
                {a.forward}
              </Button>
            </div>
          </form>
        </Panel>
      )}

      {incomingOpen && !doc.hasOpenRequest && ['registered', 'in_progress'].includes(doc.status) && (
        <Panel title={a.missing}>
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              // The request is its letter: prepared from these, previewed, then issued and numbered
              // in the matter as one action on the issuing page.
              const query = new URLSearchParams({
                dokument: doc.id,
                puuduvad: value(e, 'items'),
                tahtaeg: value(e, 'clientDeadline'),
                markus: value(e, 'note'),
              });
              router.push(`/valjasta?${query.toString()}`);
            }}
          >
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-items`}>{a.missingItems}</label>
              <textarea
                id={`${idPrefix}-items`}
                name="items"
                rows={3}
                maxLength={2000}
                required
                className="rounded-md border border-slate-400 px-3 py-2 text-sm"
              />
            </div>
            <div className="flex flex-col gap-1 text-sm sm:w-60">
              <label htmlFor={`${idPrefix}-clientDeadline`}>{a.missingDeadline}</label>
              <Input type="date" id={`${idPrefix}-clientDeadline`} name="clientDeadline" defaultValue={defaultClientDeadline} min={today} required />
            </div>
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-missing-note`}>{a.missingNote}</label>
              <Input id={`${idPrefix}-missing-note`} name="note" maxLength={1000} />
            </div>
            <div>
              <Button type="submit" size="sm" disabled={pending}>
                {m.frontDesk.prepareLetter}
              </Button>
            </div>
          </form>
        </Panel>
      )}

      {doc.hasOpenRequest && (
        <Panel title={a.missingReceived} open>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const input = { documentId: doc.id, version: doc.version, receivedOn: value(e, 'receivedOn') };
              run(
                () => markMissingReceivedAction(input),
                (d) => fill(a.resumed, { date: d.dueDate ? formatDate(d.dueDate) : '—' }),
              );
            }}
          >
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-receivedOn`}>{a.missingReceivedOn}</label>
              <Input type="date" id={`${idPrefix}-receivedOn`} name="receivedOn" defaultValue={today} max={today} required />
            </div>
            <Button type="submit" size="sm" disabled={pending}>
              {a.missingReceived}
            </Button>
          </form>
        </Panel>
      )}

      {doc.canExtend && doc.hasDeadline && (
        <Panel title={a.extend}>
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const input = { documentId: doc.id, version: doc.version, newDueDate: value(e, 'newDueDate'), reason: value(e, 'reason') };
              run(
                () => extendDeadlineAction(input),
                () => a.extended,
              );
            }}
          >
            <div className="flex flex-col gap-1 text-sm sm:w-60">
              <label htmlFor={`${idPrefix}-newDueDate`}>{a.extendTo}</label>
              <Input type="date" id={`${idPrefix}-newDueDate`} name="newDueDate" required />
            </div>
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-reason`}>{a.extendReason}</label>
              <Input id={`${idPrefix}-reason`} name="reason" maxLength={1000} required />
            </div>
            <div>
              <Button type="submit" size="sm" disabled={pending}>
                {a.extend}
              </Button>
            </div>
          </form>
        </Panel>
      )}

      {incomingOpen && (
        <Panel title={a.reply}>
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const input = {
                documentId: doc.id,
                version: doc.version,
                title: value(e, 'title'),
                channel: value(e, 'channel'),
                closeMatter: data.get('closeMatter') === 'on',
              };
              const form = new FormData();
              form.append('input', JSON.stringify(input));
              const files = chosenFiles(data);
              appendFiles(form, files);
              run(
                () => refuseTooLarge(files) ?? registerReplyAction(form),
                (d) => fill(a.replied, { number: d.number }),
              );
            }}
          >
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-title`}>{a.replyTitle}</label>
              <Input id={`${idPrefix}-title`} name="title" maxLength={500} required />
            </div>
            <div className="flex flex-col gap-1 text-sm sm:w-60">
              <label htmlFor={`${idPrefix}-channel`}>{a.replyChannel}</label>
              <Select id={`${idPrefix}-channel`} name="channel" defaultValue="email">
                {OUTGOING_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {m.register.channels[c]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-files`}>{m.register.fields.files}</label>
              <input type="file" id={`${idPrefix}-files`} name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" className="text-sm" />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="closeMatter" defaultChecked className="h-4 w-4" />
              {a.replyClose}
            </label>
            <div>
              <Button type="submit" size="sm" disabled={pending}>
                {a.reply}
              </Button>
            </div>
          </form>
        </Panel>
      )}

      {incomingOpen && (
        <Panel title={a.authority}>
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const input = {
                documentId: doc.id,
                version: doc.version,
                authority: value(e, 'authority'),
                note: value(e, 'note'),
                senderInformed: (data.get('senderInformed') === 'on') as true,
              };
              run(
                () => forwardToAuthorityAction(input),
                () => a.authoritySent,
              );
            }}
          >
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-authority`}>{a.authorityName}</label>
              <Input id={`${idPrefix}-authority`} name="authority" maxLength={200} required />
            </div>
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`${idPrefix}-authority-note`}>{a.authorityNote}</label>
              <Input id={`${idPrefix}-authority-note`} name="note" maxLength={1000} />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="senderInformed" className="h-4 w-4" />
              {a.senderInformed}
            </label>
            <div>
              <Button type="submit" size="sm" disabled={pending}>
                {a.authority}
              </Button>
            </div>
          </form>
        </Panel>
      )}
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
