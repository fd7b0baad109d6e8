'use client';

import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { appendFiles, chosenFiles } from '@/components/ui/send-with-files';
import { fill } from '@/lib/i18n';
import { OUTGOING_CHANNELS } from '@/lib/register-schema';
import { registerReplyAction } from '@/server/register/actions';
import { Panel, value, type PanelKit } from './document-action-kit';
import { refuseTooLarge } from './scan-limit';

/** "Registreeri vastus": the reply registered as an outgoing document, with its files. */
export function ReplyPanel({ kit }: { kit: PanelKit }) {
  const { doc, idPrefix, pending, run } = kit;
  const m = useMessages();
  const a = m.register.actions;
  return (
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
  );
}
