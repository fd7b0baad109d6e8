'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { forwardDocumentAction } from '@/server/register/actions';
import { Panel, value, type PanelKit } from './document-action-kit';

type Option = { value: string; label: string };

/** "Edasta": the document to another unit, or a person in it. */
export function ForwardPanel({ kit, units, people }: { kit: PanelKit; units: Option[]; people: (Option & { unitCode: string })[] }) {
  const { doc, idPrefix, pending, run } = kit;
  const m = useMessages();
  const a = m.register.actions;
  const router = useRouter();
  const [forwardUnit, setForwardUnit] = useState(doc.unitCode);
  return (
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
  );
}
