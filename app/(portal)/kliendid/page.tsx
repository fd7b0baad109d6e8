import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { searchClients } from '@/server/clients/queries';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Kliendid' };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'clients.read')) notFound();
  const m = await getMessages();
  const c = m.register.clients;
  const { q } = await searchParams;
  const query = q?.trim().slice(0, 100) ?? '';
  const rows = query ? await searchClients(user, query, { requestId: await getRequestId() }) : [];
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{c.title}</h1>
        {/* Bulk notices start from the clients, not from the menu: the bar stays one line. */}
        {can(user, 'documents.issue_bulk') && (
          <Link href="/valjasta/hulgi" className="text-sm text-brand-700 underline">
            {m.bulk.fromClients}
          </Link>
        )}
      </div>
      <form role="search" action="/kliendid" className="flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          {c.search}
        </label>
        <Input id="q" name="q" defaultValue={query} placeholder={c.search} autoFocus />
        <Button type="submit">{c.submit}</Button>
      </form>
      {query && rows.length === 0 && <p>{c.none}</p>}
      {rows.length > 0 && (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((row) => (
            <li key={row.id} className="flex items-center justify-between px-4 py-3">
              <span>
                <span className="font-medium">
                  {row.givenName} {row.familyName}
                </span>{' '}
                <span className="font-mono text-sm text-slate-600">{row.personalCode}</span>
              </span>
              <Link className="text-brand-700 underline" href={`/kliendid/${row.id}`}>
                {c.open}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
