'use client';

import { useId, useRef } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import { formatDate } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { registerBroughtInAction } from '@/server/register/actions';
import { appendFiles, chosenFiles } from '@/components/ui/send-with-files';
import { refuseTooLarge } from './scan-limit';

/** At the client card: what the client brought, registered into one pending matter. */
export function BroughtInForm({ documentId, defaultTitle }: { documentId: string; defaultTitle: string }) {
  const m = useMessages();
  const fd = m.frontDesk;
  const id = useId();
  const submissionId = useRef<string>(crypto.randomUUID());
  const { pending, outcome, run } = useActionOutcome(m);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const form = new FormData();
        form.append('input', JSON.stringify({ documentId, title: data.get('title'), submissionId: submissionId.current }));
        // With their number: the server refuses a form whose files did not all arrive.
        const files = chosenFiles(data);
        appendFiles(form, files);
        const target = e.currentTarget;
        run(
          () => refuseTooLarge(files) ?? registerBroughtInAction(form),
          (r) => {
            target.reset();
            submissionId.current = crypto.randomUUID();
            return fill(fd.broughtIn, {
              number: r.number,
              resumed: r.resumed && r.dueDate ? fill(fd.resumed, { date: formatDate(r.dueDate) }) : fd.notResumed,
            });
          },
        );
      }}
    >
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-title`}>{fd.bringTitle}</label>
        <Input id={`${id}-title`} name="title" defaultValue={defaultTitle} required maxLength={500} />
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-files`}>{fd.bringFiles}</label>
        <input type="file" id={`${id}-files`} name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" className="text-sm" />
      </div>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {fd.bringSubmit}
        </Button>
      </div>
    </form>
  );
}
