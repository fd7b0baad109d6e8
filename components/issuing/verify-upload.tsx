'use client';

import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { messageByKey } from '@/lib/i18n';
import { verifyPdfAction } from '@/server/issuing/actions';
import type { Verification } from '@/lib/issuing-schema';
import { VerificationResult } from './verification-result';

export function VerifyUpload() {
  const m = useMessages();
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(formData: FormData) {
    setBusy(true);
    setError(null);
    const outcome = await verifyPdfAction(formData);
    setBusy(false);
    if (outcome.ok) setResult(outcome.data);
    else setError(messageByKey(m, outcome.formError ?? 'errors.generic'));
  }
  return (
    <div className="flex flex-col gap-4">
      <form action={(fd) => void submit(fd)} className="flex flex-wrap items-end gap-3">
        <Field id="verify-file" label={m.issuing.verify.file}>
          <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" required className="text-sm" />
        </Field>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.issuing.verify.checkFile}
        </Button>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {result && <VerificationResult m={m} result={result} byFile />}
    </div>
  );
}
