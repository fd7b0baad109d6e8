'use client';

import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { forwardToAuthorityAction } from '@/server/register/actions';
import { Panel, value, type PanelKit } from './document-action-kit';

/** "Edasta teisele asutusele": the document sent on to the authority it belongs to, and closed. */
export function AuthorityPanel({ kit }: { kit: PanelKit }) {
  const { doc, idPrefix, pending, run } = kit;
  const a = useMessages().register.actions;
  return (
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
  );
}
