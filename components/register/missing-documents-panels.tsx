'use client';

import { useRouter } from 'next/navigation';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatDate } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { markMissingReceivedAction } from '@/server/register/actions';
import { Panel, value, type PanelKit } from './document-action-kit';

/** "Küsi puuduvaid dokumente": what is missing and by when, prepared as a letter on the issuing page. */
export function MissingDocumentsPanel({ kit, today, defaultClientDeadline }: { kit: PanelKit; today: string; defaultClientDeadline: string }) {
  const { doc, idPrefix, pending } = kit;
  const m = useMessages();
  const a = m.register.actions;
  const router = useRouter();
  return (
    <Panel title={a.missing}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          // The request is its letter: prepared from these, previewed, then issued and numbered
          // in the matter as one action on the issuing page.
          const query = new URLSearchParams({
            dokument: doc.id,
            // The request is a decision on the application as this card shows it.
            versioon: doc.version,
            puuduvad: value(e, 'items'),
            tahtaeg: value(e, 'clientDeadline'),
            markus: value(e, 'note'),
          });
          router.push(`/valjasta?${query.toString()}`);
        }}
      >
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${idPrefix}-items`}>{a.missingItems}</label>
          <textarea id={`${idPrefix}-items`} name="items" rows={3} maxLength={2000} required className="rounded-md border border-slate-400 px-3 py-2 text-sm" />
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
  );
}

/** "Puuduvad dokumendid saabusid": the deadline runs again. */
export function MissingReceivedPanel({ kit, today }: { kit: PanelKit; today: string }) {
  const { doc, idPrefix, pending, run } = kit;
  const a = useMessages().register.actions;
  return (
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
  );
}
