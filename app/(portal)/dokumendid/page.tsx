import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DocumentRows } from '@/components/register/document-rows';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { fill } from '@/lib/i18n';
import { Input, Select } from '@/components/ui/input';
import { formatDate } from '@/lib/format';
import { CHANNELS, DOCUMENT_STATUSES } from '@/lib/register-schema';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { filterFromParams } from '@/server/register/filters';
import { documentTypeChoices } from '@/server/register/form-options';
import { searchDocuments } from '@/server/register/search';

export const metadata = { title: 'Dokumendid' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DocumentsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'register.read')) notFound();
  const m = await getMessages();
  const r = m.register;
  const params = await searchParams;
  const filter = filterFromParams(params);
  const [{ rows, nextCursor }, types] = await Promise.all([searchDocuments(user, { ...filter, locale: await getLocale() }), documentTypeChoices(user)]);
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' && k !== 'lk' && k !== 'edastatud' ? [[k, v]] : [])));
  const view = filter.view ?? 'all';
  const tabs = [
    { key: 'mine', href: '/dokumendid?vaade=minu', label: r.views.mine },
    { key: 'unit', href: '/dokumendid?vaade=osakond', label: r.views.unit },
    { key: 'all', href: '/dokumendid', label: r.views.all },
  ];
  const forwarded = typeof params.edastatud === 'string' ? params.edastatud.slice(0, 40) : null;
  return (
    <div className="flex flex-col gap-5">
      {forwarded && <Alert tone="success">{fill(r.actions.forwardedAway, { number: forwarded })}</Alert>}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">{r.title}</h1>
        <div className="flex flex-wrap gap-2">
          {/* Assessment applications are registered documents with a form of their own; they start here, not from the menu bar. */}
          {can(user, 'assessments.intake') && (
            <Button asChild variant="secondary">
              <Link href="/ekspertiisitaotlused">{m.assessments.nav}</Link>
            </Button>
          )}
          {can(user, 'register.write') && (
            <Button asChild>
              <Link href="/dokumendid/uus">{r.register}</Link>
            </Button>
          )}
        </div>
      </div>
      <nav aria-label={r.title}>
        <ul className="flex gap-1 border-b border-slate-300">
          {tabs.map((t) => (
            <li key={t.key}>
              <Link
                href={t.href}
                aria-current={view === t.key ? 'page' : undefined}
                className={`inline-block rounded-t-md px-4 py-2 text-sm ${view === t.key ? 'border border-b-0 border-slate-300 bg-white font-semibold' : 'text-brand-700 hover:bg-brand-50'}`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" action="/dokumendid" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-6">
        {view !== 'all' && <input type="hidden" name="vaade" value={view === 'mine' ? 'minu' : 'osakond'} />}
        <label className="flex flex-col gap-1 text-sm">
          {r.search.number}
          <Input name="viit" defaultValue={filter.number ?? ''} placeholder="2-1/1534" />
        </label>
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          {r.search.client}
          <Input name="klient" defaultValue={filter.client ?? ''} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {r.search.type}
          <Select name="liik" defaultValue={filter.typeCode ?? ''}>
            <option value="">{r.search.any}</option>
            {types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {r.search.status}
          <Select name="olek" defaultValue={filter.status === 'open' ? 'avatud' : (filter.status ?? '')}>
            <option value="">{r.search.any}</option>
            <option value="avatud">{r.search.open}</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {r.statuses[s]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {r.search.channel}
          <Select name="viis" defaultValue={filter.channel ?? ''}>
            <option value="">{r.search.any}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {r.channels[c]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {r.search.from}
          <Input type="date" name="alates" defaultValue={filter.from ?? ''} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {r.search.to}
          <Input type="date" name="kuni" defaultValue={filter.to ?? ''} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {r.search.sort}
          <Select name="jarjestus" defaultValue={filter.sort === 'due' ? 'tahtaeg' : ''}>
            <option value="">{r.search.sortRegistered}</option>
            <option value="tahtaeg">{r.search.sortDue}</option>
          </Select>
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm sm:col-span-2">
          <input type="checkbox" name="yletatud" value="1" defaultChecked={filter.overdueOnly} className="h-4 w-4" />
          {r.search.overdue}
        </label>
        <div className="flex items-end gap-2 sm:col-span-2">
          <Button type="submit">{r.search.submit}</Button>
          <Button asChild variant="secondary">
            <a href={`/dokumendid/eksport?${query}`}>{r.search.csv}</a>
          </Button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{r.search.none}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {/* Up to 50 rows: the cells' shared styles live in globals.css (.register-list), and
              the row link is a plain link (no prefetch of 50 cards per list view). */}
          <table className="register-list w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col">{r.fields.number}</th>
                <th scope="col">{r.fields.registeredAt}</th>
                <th scope="col">{r.fields.title}</th>
                <th scope="col">{r.fields.party}</th>
                <th scope="col">{r.fields.unit}</th>
                <th scope="col">{r.fields.status}</th>
                <th scope="col">{r.fields.dueDate}</th>
              </tr>
            </thead>
            <DocumentRows
              rows={rows.map((row) => ({
                id: row.id,
                number: row.number,
                year: row.year,
                registered: formatDate(row.registeredAt),
                title: row.contentsHidden ? m.frontDesk.hiddenTitle : row.title,
                typeName: row.typeName,
                direction: row.direction,
                isRestricted: row.isRestricted,
                party: row.contentsHidden ? m.frontDesk.hiddenParty : row.party,
                clientCode: row.clientCode,
                unitName: row.unitName,
                assigneeName: row.assigneeName,
                status: row.status,
                dueDate: row.dueDate,
                daysLeft: row.daysLeft,
                isPaused: row.isPaused,
              }))}
            />
          </table>
        </div>
      )}
      {nextCursor && (
        <Link className="self-start text-brand-700 underline" href={`/dokumendid?${new URLSearchParams([...query.entries(), ['lk', nextCursor]])}`}>
          {r.search.more}
        </Link>
      )}
    </div>
  );
}
