import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BroughtInForm } from '@/components/register/brought-in-form';
import { DeadlineCell, StatusBadge } from '@/components/register/marks';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Disclosure } from '@/components/ui/disclosure';
import { FileView } from '@/components/viewer/file-view';
import { formatDate, formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getClientCard } from '@/server/clients/queries';
import { pendingMatters } from '@/server/register/brought-in';
import { issuedForClient } from '@/server/issuing/queries';
import { getLocale, getMessages } from '@/server/i18n';

export const metadata = { title: 'Kliendi kaart' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ eesmark?: string }> };

export default async function ClientCardPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'clients.read')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const { eesmark } = await searchParams;
  const m = await getMessages();
  const c = m.register.clients;
  const r = m.register;
  const card = await getClientCard(user, id, { requestId: await getRequestId(), purpose: eesmark?.slice(0, 200) });
  if (!card) notFound();
  const { client } = card;
  const [issued, pending] = await Promise.all([
    issuedForClient(user, client.id),
    can(user, 'register.read') ? pendingMatters(user, client.id, await getLocale()) : Promise.resolve([]),
  ]);
  const fd = m.frontDesk;
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">{c.card}</p>
          <h1 className="text-2xl font-semibold">
            {client.givenName} {client.familyName}
          </h1>
          <p className="font-mono text-slate-700">{client.personalCode}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {can(user, 'documents.issue') && (
            <Button asChild variant="secondary">
              <Link href={`/valjasta?klient=${client.id}`}>{m.issuing.issue}</Link>
            </Button>
          )}
          {can(user, 'register.write') && (
            <Button asChild>
              <Link href={`/dokumendid/uus?klient=${client.personalCode}`}>{r.register}</Link>
            </Button>
          )}
        </div>
      </div>
      <p className="text-xs text-slate-600">{c.purposeHint}</p>
      {can(user, 'register.read') && (
        <Card>
          <h2 className="text-lg font-semibold">{fd.pending}</h2>
          <p className="mb-3 text-sm text-slate-600">{fd.pendingLead}</p>
          {pending.length === 0 ? (
            <p className="text-sm text-slate-600">{fd.noPending}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-200">
              {pending.map((d) => (
                <li key={d.id} className="grid gap-3 py-3 md:grid-cols-[1fr_auto]" aria-label={d.number}>
                  <div className="flex flex-col gap-1 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/dokumendid/${d.id}`} className="font-mono text-brand-700 underline">
                        {d.number}
                      </Link>
                      <span>{d.typeName}</span>
                      {d.isRestricted && <span className="font-semibold text-red-800">· AK</span>}
                      <StatusBadge m={m} status={d.status} />
                    </div>
                    <div className="text-slate-700">{d.title ?? <span className="italic text-slate-600">{fd.hiddenTitle}</span>}</div>
                    <div className="text-slate-600">
                      {d.unitName}
                      {d.assigneeName ? ` · ${d.assigneeName}` : ''}
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-slate-600">{r.fields.dueDate}:</span>
                      <DeadlineCell m={m} dueDate={d.dueDate} daysLeft={null} paused={d.status === 'waiting_for_client'} />
                    </div>
                    <p className={d.missingItems ? 'font-medium text-amber-900' : 'text-slate-600'}>
                      {d.missingItems
                        ? fill(fd.missing, { items: d.missingItems.join(', '), date: d.clientDeadline ? formatDate(d.clientDeadline) : '—' })
                        : fd.nothingMissing}
                    </p>
                  </div>
                  {can(user, 'register.write') && (
                    <Disclosure
                      className="self-start rounded-md border border-slate-200 p-3 md:w-80"
                      summaryClassName="cursor-pointer text-sm font-medium"
                      summary={fd.bring}
                      openWhen={Boolean(d.missingItems)}
                    >
                      <div className="mt-3">
                        <BroughtInForm documentId={d.id} defaultTitle={d.missingItems ? d.missingItems.join(', ').slice(0, 500) : ''} />
                      </div>
                    </Disclosure>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{c.documents}</h2>
          {card.documents.length === 0 ? (
            <p className="text-sm text-slate-600">{c.noDocuments}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {r.fields.number}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {r.fields.title}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {r.fields.registeredAt}
                  </th>
                  <th scope="col" className="py-1">
                    {r.fields.status}
                  </th>
                </tr>
              </thead>
              <tbody>
                {card.documents.map((d) => (
                  <tr key={d.id} className="border-t border-slate-200">
                    <td className="py-2 pr-3">
                      <Link href={`/dokumendid/${d.id}`} className="font-mono text-brand-700 underline">
                        {d.number}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      {d.title ?? <span className="italic text-slate-600">{m.frontDesk.hiddenTitle}</span>}
                      <div className="text-xs text-slate-600">
                        {d.typeName} · {r.directions[d.direction]}
                      </div>
                    </td>
                    <td className="py-2 pr-3">{formatDate(d.registeredAt)}</td>
                    <td className="py-2">
                      <StatusBadge m={m} status={d.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <div className="flex flex-col gap-5">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{m.issuing.issuedList}</h2>
            {issued.length === 0 ? (
              <p className="text-sm text-slate-600">{m.issuing.noneIssued}</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {issued.map((i) => (
                  <li key={i.id}>
                    <FileView href={`/valjastatud/${i.id}/pdf`} name={i.number} mime="application/pdf">
                      <span>
                        <a href={`/valjastatud/${i.id}/pdf`} className="font-mono text-brand-700 underline">
                          {i.number}
                        </a>{' '}
                        {i.templateTitle}
                      </span>
                    </FileView>
                    <div className="text-xs text-slate-600">
                      {formatDateTime(i.issuedAt)} · {m.issuing.methods[i.method]} · {i.issuedByName}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{c.contact}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{c.email}</dt>
              <dd>{client.email ?? '—'}</dd>
              <dt className="text-slate-600">{c.phone}</dt>
              <dd>{client.phone ?? '—'}</dd>
              <dt className="text-slate-600">{c.address}</dt>
              <dd>{client.address ?? '—'}</dd>
            </dl>
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{c.identityChecks}</h2>
            {card.identityChecks.length === 0 ? (
              <p className="text-sm text-slate-600">—</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {card.identityChecks.map((i) => (
                  <li key={i.id}>
                    {r.identityDocuments[i.documentType]} {i.documentNumber} ({formatDate(i.validUntil)})
                    <div className="text-xs text-slate-600">
                      {formatDateTime(i.checkedAt)} · {i.checkedByName}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
