import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OverpaymentSummary } from '@/components/payments/overpayment-summary';
import { AddScans, CertifyButton, DocumentActions } from '@/components/register/document-actions';
import { PublishButton } from '@/components/public/publish-button';
import { DeadlineCell, RestrictionMark, StatusBadge } from '@/components/register/marks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDate, formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';
import { issuedForDocument } from '@/server/issuing/queries';
import { getOverpaymentForDocument } from '@/server/overpayments/queries';
import { getDocumentCard, registerOptions } from '@/server/register/queries';

export const metadata = { title: 'Dokument' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ registreeritud?: string; eesmark?: string }> };

export default async function DocumentPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'register.read')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const { registreeritud, eesmark } = await searchParams;
  const m = await getMessages();
  const r = m.register;
  const card = await getDocumentCard(user, id, { requestId: await getRequestId(), purpose: eesmark?.slice(0, 200) });
  if (!card) notFound();
  const { doc, type, client, ground } = card;
  const canWrite = can(user, 'register.write');
  const canPublish = can(user, 'register.publish') && doc.isRestricted && !doc.publicSince && (user.roles.includes('admin') || doc.unitCode === user.unitCode);
  const issued = await issuedForDocument(user, doc.id);
  const options = await registerOptions(user);
  const overpayment = doc.typeCode === 'overpayment_application' ? await getOverpaymentForDocument(user, doc.id) : null;
  // Codes and ids in the history, shown by their names.
  const names = new Map<string, string>([...options.units, ...options.people].map((o) => [o.value, o.label]));
  const today = tallinnDate(new Date());
  const party = client ? `${client.givenName} ${client.familyName}` : `${doc.institutionName ?? ''}${doc.institutionCode ? ` (${doc.institutionCode})` : ''}`;
  const dl: [string, React.ReactNode][] = [
    [
      r.fields.number,
      <span key="n" className="font-mono">
        {doc.number}
      </span>,
    ],
    [r.fields.type, `${type.nameEt} (${r.directions[doc.direction]})`],
    [r.fields.registeredAt, formatDateTime(doc.registeredAt)],
    [r.fields.receivedAt, formatDateTime(doc.receivedAt)],
    [r.fields.channel, r.channels[doc.channel]],
    [
      r.fields.party,
      client ? (
        <Link key="c" href={`/kliendid/${client.id}`} className="text-brand-700 underline">
          {party} · {client.personalCode}
        </Link>
      ) : (
        party
      ),
    ],
    [r.fields.senderReference, doc.senderReference ? `${doc.senderReference}${doc.senderDate ? `, ${formatDate(doc.senderDate)}` : ''}` : '—'],
    [r.fields.pages, doc.pages ?? '—'],
    [r.fields.unit, card.unitName],
    [r.fields.assignee, card.assigneeName ?? '—'],
    [r.fields.status, <StatusBadge key="s" m={m} status={doc.status} />],
    [r.fields.dueDate, <DeadlineCell key="d" m={m} dueDate={doc.dueDate} daysLeft={card.daysLeft} paused={doc.status === 'waiting_for_client'} />],
  ];
  return (
    <div className="flex flex-col gap-5">
      {registreeritud && <Alert tone="success">{fill(r.registered, { number: registreeritud })}</Alert>}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="font-mono text-sm text-slate-600">{doc.number}</p>
          <h1 className="text-2xl font-semibold">{doc.title}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {doc.isRestricted && <RestrictionMark m={m} ground={ground?.label ?? null} until={doc.restrictionUntil} />}
          {issued ? (
            <Button asChild variant="secondary">
              <a href={`/valjastatud/${issued.id}/pdf`}>{m.issuing.download}</a>
            </Button>
          ) : (
            can(user, 'documents.issue') && (
              <Button asChild variant="secondary">
                <Link href={`/valjasta?dokument=${doc.id}`}>{m.issuing.issueFromDocument}</Link>
              </Button>
            )
          )}
        </div>
      </div>
      {card.openRequest && (
        <Alert tone="warning">
          {fill(r.card.openRequest, { date: formatDate(card.openRequest.clientDeadline), items: card.openRequest.items.join(', ') })}
          {doc.pausedDaysLeft !== null && (
            <> {doc.pausedDaysLeft >= 0 ? fill(r.card.pausedDeadline, { n: doc.pausedDaysLeft }) : fill(r.card.pausedOverdue, { n: -doc.pausedDaysLeft })}</>
          )}
        </Alert>
      )}
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="flex flex-col gap-5 lg:col-span-2">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{r.card.metadata}</h2>
            <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
              {dl.map(([label, v]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {overpayment && <OverpaymentSummary m={m} data={overpayment} />}
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{r.card.attachments}</h2>
            {card.attachments.length === 0 ? (
              <p className="text-sm text-slate-600">{r.card.noAttachments}</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {card.attachments.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center gap-3">
                    <a className="text-brand-700 underline" href={`/failid/${f.id}`}>
                      {f.fileName}
                    </a>
                    <span className="text-slate-600">{Math.max(1, Math.round(f.size / 1024))} kB</span>
                    {f.certifiedAt ? (
                      <span className="text-green-800">{fill(r.card.certified, { name: f.certifiedByName ?? '', date: formatDateTime(f.certifiedAt) })}</span>
                    ) : (
                      canWrite && <CertifyButton attachmentId={f.id} documentId={doc.id} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && doc.status !== 'closed' && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <AddScans documentId={doc.id} />
              </div>
            )}
          </Card>
          {card.matter.length > 0 && (
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{r.card.matter}</h2>
              <ul className="flex flex-col gap-1 text-sm">
                {card.matter.map((d) => (
                  <li key={d.id}>
                    <Link href={`/dokumendid/${d.id}`} className="font-mono text-brand-700 underline">
                      {d.number}
                    </Link>{' '}
                    {d.title.startsWith(d.typeName) ? d.title : `${d.typeName}: ${d.title}`}{' '}
                    <span className="text-slate-600">({formatDate(d.registeredAt)})</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{r.card.history}</h2>
            <ol className="flex flex-col gap-2 text-sm">
              {card.events.map((e) => (
                <li key={e.id} className="border-l-2 border-brand-100 pl-3">
                  <span className="font-medium">{r.events[e.kind as keyof typeof r.events] ?? e.kind}</span> · {formatDateTime(e.at)}
                  {e.actorName && <span className="text-slate-600"> · {e.actorName}</span>}
                  {e.details && <EventDetails details={e.details} labels={r.eventDetails} names={names} />}
                  {e.note && <p className="text-slate-700">„{e.note}“</p>}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        {canPublish && !canWrite && (
          <Card className="self-start">
            <PublishButton documentId={doc.id} />
          </Card>
        )}
        {canWrite && (
          <Card className="self-start">
            <h2 className="mb-3 text-lg font-semibold">{r.actions.title}</h2>
            <DocumentActions
              doc={{
                id: doc.id,
                status: doc.status,
                direction: doc.direction,
                unitCode: doc.unitCode,
                hasDeadline: doc.dueDate !== null,
                hasOpenRequest: card.openRequest !== null,
                canExtend: Boolean(type.extensionMonths || (type.extensionKind !== 'none' && type.extensionDays)),
              }}
              units={options.units}
              people={options.people}
              today={today}
              defaultClientDeadline={addDays(today, 14)}
            />
            {canPublish && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <PublishButton documentId={doc.id} />
              </div>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}

// History details in the reader's words: labelled, dates as dd.mm.yyyy, codes as names.
function EventDetails({ details, labels, names }: { details: Record<string, unknown>; labels: Record<string, string>; names: Map<string, string> }) {
  const shown = Object.entries(details).filter(([k, v]) => k in labels && v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (shown.length === 0) return null;
  const show = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? labels.yes! : labels.no!;
    if (Array.isArray(v)) return v.map(show).join(', ');
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    return names.get(String(v)) ?? String(v);
  };
  return (
    <p className="text-xs text-slate-600">
      {shown.map(([k, v]) => (
        <span key={k} className="mr-3">
          {labels[k]}: {show(v)}
        </span>
      ))}
    </p>
  );
}
