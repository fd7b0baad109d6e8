import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { listStaff } from '@/server/staff/queries';

export const metadata = { title: 'Töötajad' };

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'staff.read')) notFound();
  const m = await getMessages();
  const locale = await getLocale();
  const { q } = await searchParams;
  const rows = await listStaff(user, { query: q, locale });
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{m.staff.title}</h1>
          <p className="text-slate-700">{m.staff.lead}</p>
        </div>
        <Button asChild>
          <Link href="/admin/tootajad/uus">{m.staff.add}</Link>
        </Button>
      </div>
      <form role="search" className="flex max-w-xl gap-2" action="/admin/tootajad">
        <label htmlFor="q" className="sr-only">
          {m.staff.search}
        </label>
        <Input id="q" name="q" type="search" defaultValue={q ?? ''} placeholder={m.staff.search} />
        <Button type="submit" variant="secondary">
          {m.staff.searchButton}
        </Button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {fill(m.staff.count, { n: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p>{m.staff.none}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {m.staff.name}
                </th>
                <th scope="col" className="px-3 py-2">
                  {m.staff.personalCode}
                </th>
                <th scope="col" className="px-3 py-2">
                  {m.staff.unit}
                </th>
                <th scope="col" className="px-3 py-2">
                  {m.staff.office}
                </th>
                <th scope="col" className="px-3 py-2">
                  {m.staff.roles}
                </th>
                <th scope="col" className="px-3 py-2">
                  {m.staff.status}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link className="font-medium text-brand-700 underline" href={`/admin/tootajad/${row.id}`}>
                      {row.name}
                    </Link>
                    <div className="text-xs text-slate-600">{row.email}</div>
                  </td>
                  <td className="px-3 py-2 font-mono">{row.personalCode}</td>
                  <td className="px-3 py-2">{row.unitName}</td>
                  <td className="px-3 py-2">{row.officeName ?? '—'}</td>
                  <td className="px-3 py-2">{row.roles.map((r) => m.roles[r as keyof typeof m.roles]).join(', ')}</td>
                  <td className="px-3 py-2">
                    <Badge tone={row.isActive ? 'success' : 'danger'}>{row.isActive ? m.staff.active : m.staff.inactive}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
