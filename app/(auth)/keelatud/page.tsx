import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Ligipääs puudub' };

export default async function DeniedPage({ searchParams }: { searchParams: Promise<{ pohjus?: string }> }) {
  const m = await getMessages();
  const { pohjus } = await searchParams;
  return (
    <Card className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{m.auth.deniedTitle}</h1>
      <p className="text-slate-700">{pohjus === 'token' ? m.auth.deniedToken : m.auth.deniedLead}</p>
      <Link className="text-brand-700 underline" href="/sisene">
        {m.auth.backToSignIn}
      </Link>
    </Card>
  );
}
