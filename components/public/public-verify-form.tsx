'use client';

import { useActionState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { verifyPublicAction } from '@/server/issuing/actions';
import { PublicVerificationResult } from './public-verification-result';

/** The two ways to check: by code (with the QR link's code filled in) or by the PDF file; each may add the holder's personal code. */
export function PublicVerifyForm({ code }: { code: string }) {
  const p = useMessages().publicPages;
  const [byCode, checkCode, checkingCode] = useActionState(verifyPublicAction, null);
  const [byFile, checkFile, checkingFile] = useActionState(verifyPublicAction, null);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="by-code" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="by-code" className="mb-3 text-lg font-semibold">
          {p.code}
        </h2>
        <form action={checkCode} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
          <Field id="kood" label={p.code} hint={p.codeHint}>
            <Input id="kood" name="kood" defaultValue={code} autoComplete="off" required className="font-mono uppercase sm:w-56" aria-describedby="kood-hint" />
          </Field>
          <Field id="isikukood" label={p.holderCode} hint={p.holderCodeHint}>
            <Input
              id="isikukood"
              name="isikukood"
              inputMode="numeric"
              autoComplete="off"
              maxLength={11}
              className="sm:w-56"
              aria-describedby="isikukood-hint"
            />
          </Field>
          <Button type="submit" disabled={checkingCode}>
            {p.check}
          </Button>
        </form>
        {byCode && (
          <div className="mt-4" aria-live="polite">
            <PublicVerificationResult p={p} result={byCode} />
          </div>
        )}
      </section>
      <section aria-labelledby="by-file" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="by-file" className="mb-3 text-lg font-semibold">
          {p.file}
        </h2>
        <form action={checkFile} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
          <Field id="fail" label={p.file}>
            <input id="fail" name="file" type="file" accept="application/pdf,.pdf" required className="text-sm" />
          </Field>
          <Field id="faili-isikukood" label={p.holderCode} hint={p.holderCodeHint}>
            <Input
              id="faili-isikukood"
              name="isikukood"
              inputMode="numeric"
              autoComplete="off"
              maxLength={11}
              className="sm:w-56"
              aria-describedby="faili-isikukood-hint"
            />
          </Field>
          <Button type="submit" variant="secondary" disabled={checkingFile}>
            {p.checkFile}
          </Button>
        </form>
        {byFile && (
          <div className="mt-4" aria-live="polite">
            <PublicVerificationResult p={p} result={byFile} />
          </div>
        )}
      </section>
    </div>
  );
}
