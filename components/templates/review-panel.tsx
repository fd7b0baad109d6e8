'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import { fill } from '@/lib/i18n';
import { publishTextsAction, returnTextsAction } from '@/server/templates/actions';
import { textsDoneHref } from './texts-done';

/** The reviewer publishes the submitted version (at once or from a date) or sends it back. */
export function ReviewPanel({
  templateId,
  draftId,
  version,
  isAuthor,
}: {
  templateId: string;
  draftId: string;
  /** The submitted draft as the page shows it: publishing or sending back is of that. */
  version: string;
  isAuthor: boolean;
}) {
  const m = useMessages();
  const t = m.templateTexts;
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const router = useRouter();
  const { run, pending, outcome } = useActionOutcome(m);
  // Both close this panel: the page says what was done (texts-done.ts).
  const sendBack = () =>
    run(
      () => returnTextsAction({ templateId, version }),
      () => {
        router.replace(textsDoneHref(templateId, 'tagasi'));
        return t.returned;
      },
    );
  if (isAuthor) {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="info">{t.ownDraft}</Alert>
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
        <div>
          <Button type="button" variant="secondary" disabled={pending} onClick={sendBack}>
            {t.takeBack}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="flex flex-col gap-3"
      aria-label={t.publish}
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => publishTextsAction({ templateId, draftId, version, effectiveFrom }),
          (data) => {
            router.replace(textsDoneHref(templateId, 'avaldatud', data.version));
            return fill(t.published, { version: data.version });
          },
        );
      }}
    >
      <Field id="effective-from" label={t.effectiveFrom} hint={t.effectiveHint}>
        <Input id="effective-from" type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} className="max-w-xs" />
      </Field>
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {t.publish}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={sendBack}>
          {t.sendBack}
        </Button>
      </div>
    </form>
  );
}
