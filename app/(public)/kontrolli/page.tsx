import { headers } from 'next/headers';
import { PublicVerificationResult } from '@/components/public/public-verification-result';
import { PublicVerifyForm } from '@/components/public/public-verify-form';
import { VerificationResult } from '@/components/issuing/verification-result';
import { VerifyUpload } from '@/components/issuing/verify-upload';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { getCurrentUser, getRequestId } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { verifyPublicly } from '@/server/issuing/public-verify';
import { verifyDocument } from '@/server/issuing/queries';
import { clientIpFrom } from '@/server/ops/client-ip';
import { hitRateLimit } from '@/server/ops/rate-limit';

export async function generateMetadata() {
  return { title: (await getMessages()).publicPages.verifyTitle };
}

// "Kontrolli dokumenti", open to anyone: the code typed in or from the QR code's link
// (`?kood=`), or an uploaded PDF. A visitor without a session cookie is never looked up
// (getCurrentUser answers null without a query); signed-in staff who may verify documents
// get their richer view (who it was issued to, by whom, how), as their policy allows.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ kood?: string }> }) {
  const [m, locale, { kood }] = await Promise.all([getMessages(), getLocale(), searchParams]);
  const code = kood?.slice(0, 300).trim() ?? '';
  const user = await getCurrentUser();
  const requestId = await getRequestId();
  const ip = clientIpFrom(await headers());
  if (user && can(user, 'documents.verify')) {
    const v = m.issuing.verify;
    const limited = code ? await hitRateLimit('verify', { person: user.id, ip }) : { ok: true as const };
    const result = code && limited.ok ? await verifyDocument(user, { code }, { requestId }) : null;
    return (
      <div className="flex max-w-3xl flex-col gap-5">
        <div>
          <h1 className="text-2xl font-semibold">{v.title}</h1>
          <p className="text-sm text-slate-700">{m.publicPages.staffView}</p>
          <p className="text-sm text-slate-700">{v.lead}</p>
        </div>
        <Card>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <Field id="kood" label={v.code}>
              <Input id="kood" name="kood" defaultValue={code} autoComplete="off" className="w-64 font-mono uppercase" />
            </Field>
            <Button type="submit">{v.check}</Button>
          </form>
        </Card>
        {!limited.ok && <Alert tone="warning">{m.publicPages.limited}</Alert>}
        {result && <VerificationResult m={m} result={result} byFile={false} />}
        <Card>
          <VerifyUpload />
        </Card>
      </div>
    );
  }
  const p = m.publicPages;
  const result = code ? await verifyPublicly({ code }, { ip, requestId, locale }) : null;
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{p.verifyTitle}</h1>
        <p className="text-sm text-slate-700">{p.verifyLead}</p>
      </div>
      {result && <PublicVerificationResult p={p} result={result} />}
      <PublicVerifyForm code={code} />
      <p className="text-xs text-slate-600">{p.logged}</p>
    </div>
  );
}
