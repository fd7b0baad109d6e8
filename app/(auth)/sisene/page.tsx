import { redirect } from 'next/navigation';
import { SignInButton } from '@/components/auth/sign-in-button';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/server/auth/current-user';
import { readAuthConfig } from '@/server/auth/config';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Sisene' };

type Props = { searchParams: Promise<{ error?: string; valjas?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/');
  const m = await getMessages();
  const { error, valjas } = await searchParams;
  const configured = readAuthConfig().ok;
  return (
    <Card className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">{m.auth.signInTitle}</h1>
      {valjas && <Alert tone="success">{m.auth.signedOut}</Alert>}
      {error && (
        <Alert tone="error">{error === 'cancelled' ? m.auth.cancelled : error === 'liiga-palju' ? m.errors.rateLimitedSignIn : m.auth.callbackError}</Alert>
      )}
      {!configured && <Alert tone="error">{m.auth.misconfigured}</Alert>}
      <p className="text-slate-700">{m.auth.signInLead}</p>
      {configured && <SignInButton label={m.auth.signInButton} busyLabel={m.auth.signingIn} />}
    </Card>
  );
}
