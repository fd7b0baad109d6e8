import { notFound } from 'next/navigation';
import { VerificationResult } from '@/components/issuing/verification-result';
import { VerifyUpload } from '@/components/issuing/verify-upload';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { verifyDocument } from '@/server/issuing/queries';

export const metadata = { title: 'Kontrolli dokumenti' };

// "Kontrolli dokumenti": the code typed in or from the QR code (`?kood=`), or an uploaded PDF.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ kood?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'documents.verify')) notFound();
  const m = await getMessages();
  const v = m.issuing.verify;
  const { kood } = await searchParams;
  const code = kood?.slice(0, 300).trim();
  const result = code ? await verifyDocument(user, { code }, { requestId: await getRequestId() }) : null;
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{v.title}</h1>
        <p className="text-sm text-slate-700">{v.lead}</p>
      </div>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field id="kood" label={v.code}>
            <Input id="kood" name="kood" defaultValue={code ?? ''} autoComplete="off" className="w-64 font-mono uppercase" />
          </Field>
          <Button type="submit">{v.check}</Button>
        </form>
      </Card>
      {result && <VerificationResult m={m} result={result} byFile={false} />}
      <Card>
        <VerifyUpload />
      </Card>
    </div>
  );
}
