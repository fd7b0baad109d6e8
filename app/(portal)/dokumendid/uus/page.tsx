import { notFound } from 'next/navigation';
import { RegisterForm } from '@/components/register/register-form';
import { Card } from '@/components/ui/card';
import { instantToTallinnLocal } from '@/lib/tallinn-time';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { findClientByCode } from '@/server/register/client-lookup';
import { registerOptions } from '@/server/register/form-options';

export const metadata = { title: 'Dokumendi registreerimine' };

export default async function NewDocumentPage({ searchParams }: { searchParams: Promise<{ asi?: string; klient?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'register.write')) notFound();
  const m = await getMessages();
  const options = await registerOptions(user, m.locale);
  const { asi, klient } = await searchParams;
  const client = klient ? await findClientByCode(user, klient, { requestId: await getRequestId() }) : null;
  return (
    <Card className="flex max-w-4xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{m.register.newTitle}</h1>
        <p className="text-sm text-slate-700">{m.register.newLead}</p>
      </div>
      <RegisterForm
        options={options}
        defaults={{
          receivedAt: instantToTallinnLocal(new Date()),
          unitCode: user.unitCode,
          matterId: asi && /^[0-9a-f-]{36}$/.test(asi) ? asi : undefined,
          client: client && klient ? { code: klient, givenName: client.givenName, familyName: client.familyName } : undefined,
        }}
      />
    </Card>
  );
}
