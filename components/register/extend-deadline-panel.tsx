'use client';

import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { extendDeadlineAction } from '@/server/register/actions';
import { Panel, value, type PanelKit } from './document-action-kit';

/** "Pikenda tähtaega": a later deadline, with the reason. */
export function ExtendDeadlinePanel({ kit }: { kit: PanelKit }) {
  const { doc, idPrefix, pending, run } = kit;
  const a = useMessages().register.actions;
  return (
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
  );
}
