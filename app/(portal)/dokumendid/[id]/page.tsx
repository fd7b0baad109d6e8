import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OverpaymentSummary } from '@/components/payments/overpayment-summary';
import { AddScans, CertifyButton, DocumentActions } from '@/components/register/document-actions';
import { PublishButton } from '@/components/public/publish-button';
import { DeadlineCell, RestrictionMark, StatusBadge } from '@/components/register/marks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FileView } from '@/components/viewer/file-view';
import { formatDays } from '@/lib/day-count';
import { formatDate, formatDateTime } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';
import { versionOf } from '@/lib/record-version';
import { ISO_DATE } from '@/lib/tallinn-time';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';
import { issuedForDocument } from '@/server/issuing/queries';
import { getOverpaymentForDocument } from '@/server/overpayments/queries';
import { getDocumentCard } from '@/server/register/document-card';
import { registerOptions } from '@/server/register/form-options';

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
  const { doc, type, client, ground, access } = card;
  const fd = m.frontDesk;
  const contents = access === 'contents';
  const canWrite = can(user, 'register.write');
  // A restricted document's manager may show its title in the public register; once shown,
  // the card says since when (the button's own confirmation leaves with the button when the
  // page refreshes).
  const mayPublishHere = can(user, 'register.publish') && (can(user, 'register.publish_any_unit') || doc.unitCode === user.unitCode);
  const publishSlot = !doc.isRestricted ? null : doc.publicSince ? (
    <p className="text-sm text-slate-700">{fill(m.publicPages.publicSince, { date: formatDate(doc.publicSince) })}</p>
  ) : mayPublishHere ? (
    <PublishButton documentId={doc.id} version={versionOf(doc)} />
  ) : null;
  const [issued, options, overpayment] = contents
    ? await Promise.all([
        issuedForDocument(user, doc.id),
        registerOptions(user, m.locale),
        doc.typeCode === 'overpayment_application' ? getOverpaymentForDocument(user, doc.id) : null,
      ])
    : [null, { units: [], people: [] }, null];
  const hidden = doc.isRestricted && access === 'entry';
  // Codes and ids in the history, shown by their names.
  const names = new Map<string, string>([...options.units, ...options.people].map((o) => [o.value, o.label]));
  const today = tallinnDate(new Date());
  // Paused days are counted in the type's unit (server/register/missing-documents.ts).
  const pausedDays = (n: number) => formatDays(n, doc.deadlineKind === 'working_days' ? 'working' : 'calendar', m.locale);
  const party = hidden
    ? fd.hiddenParty
    : client
      ? `${client.givenName} ${client.familyName}`
      : `${doc.institutionName ?? ''}${doc.institutionCode ? ` (${doc.institutionCode})` : ''}`;
  const dl: [string, React.ReactNode][] = [
    [
      r.fields.number,
      <span key="n" className="font-mono">
        {doc.number}
      </span>,
    ],
    [r.fields.type, `${m.locale === 'en' ? type.nameEn : type.nameEt} (${r.directions[doc.direction]})`],
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
    [r.fields.senderReference, doc.senderReference ?? '—'],
    [r.fields.senderDate, doc.senderDate ? formatDate(doc.senderDate) : '—'],
    [r.fields.pages, doc.pages ?? '—'],
    [r.fields.unit, m.locale === 'en' ? card.unitNameEn : card.unitName],
    [r.fields.assignee, card.assigneeName ?? '—'],
    [r.fields.status, <StatusBadge key="s" m={m} status={doc.status} />],
    [r.fields.dueDate, <DeadlineCell key="d" m={m} dueDate={doc.dueDate} daysLeft={card.daysLeft} paused={doc.status === 'waiting_for_client'} />],
  ];
  return (
    <div className="flex flex-col gap-5">
      {registreeritud && (
        <Receipt m={m} id={doc.id} number={doc.number} registeredAt={doc.registeredAt} dueDate={doc.dueDate} unitName={card.unitName} canWrite={canWrite} />
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="font-mono text-sm text-slate-600">{doc.number}</p>
          <h1 className="text-2xl font-semibold">{hidden ? `${type.nameEt} · ${fd.hiddenTitle}` : doc.title}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {doc.isRestricted && <RestrictionMark m={m} ground={ground?.label ?? null} until={doc.restrictionUntil} />}
          {!contents ? null : issued ? (
            <Button asChild variant="secondary">
              <a href={`/valjastatud/${issued.id}/pdf`}>{m.issuing.download}</a>
            </Button>
          ) : (
            can(user, 'documents.issue') && (
              <Button asChild variant="secondary">
                <Link href={`/valjasta?dokument=${doc.id}&versioon=${versionOf(doc)}`}>{m.issuing.issueFromDocument}</Link>
              </Button>
            )
          )}
        </div>
      </div>
      {!contents && <Alert tone="info">{access === 'frontDesk' ? fd.frontDeskOnly : fd.entryOnly}</Alert>}
      {card.openRequest && (
        <Alert tone="warning">
          {fill(r.card.openRequest, { date: formatDate(card.openRequest.clientDeadline), items: card.openRequest.items.join(', ') })}
          {doc.pausedDaysLeft !== null && (
            <>
              {' '}
              {doc.pausedDaysLeft >= 0
                ? fill(r.card.pausedDeadline, { days: pausedDays(doc.pausedDaysLeft) })
                : fill(r.card.pausedOverdue, { days: pausedDays(-doc.pausedDaysLeft) })}
            </>
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
            {!contents ? (
              <p className="text-sm text-slate-600">{card.attachmentCount === 0 ? r.card.noAttachments : fill(fd.filesHidden, { n: card.attachmentCount })}</p>
            ) : card.attachments.length === 0 ? (
              <p className="text-sm text-slate-600">{r.card.noAttachments}</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {card.attachments.map((f) => (
                  <li key={f.id}>
                    <FileView href={`/failid/${f.id}`} name={f.fileName} mime={f.mimeType}>
                      <a className="text-brand-700 underline" href={`/failid/${f.id}`}>
                        {f.fileName}
                      </a>
                      <span className="text-slate-600">{Math.max(1, Math.round(f.size / 1024))} kB</span>
                      {f.certifiedAt ? (
                        <span className="text-green-800">{fill(r.card.certified, { name: f.certifiedByName ?? '', date: formatDateTime(f.certifiedAt) })}</span>
                      ) : (
                        canWrite && <CertifyButton attachmentId={f.id} documentId={doc.id} />
                      )}
                    </FileView>
                  </li>
                ))}
              </ul>
            )}
            {canWrite && access !== 'entry' && doc.status !== 'closed' && (
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
          {contents && (
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
          )}
        </div>
        {publishSlot && !canWrite && <Card className="self-start">{publishSlot}</Card>}
        {canWrite && contents && (
          <Card className="self-start">
            <h2 className="mb-3 text-lg font-semibold">{r.actions.title}</h2>
            <DocumentActions
              doc={{
                id: doc.id,
                version: versionOf(doc),
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
            {publishSlot && <div className="mt-4 border-t border-slate-200 pt-4">{publishSlot}</div>}
          </Card>
        )}
      </div>
    </div>
  );
}

/**
 * Where the registrar lands: the number, the deadline and who handles it, and the client's
 * confirmation of receipt to print in Estonian or English.
 */
function Receipt(props: { m: Messages; id: string; number: string; registeredAt: Date; dueDate: string | null; unitName: string; canWrite: boolean }) {
  const { m, id, number } = props;
  const fd = m.frontDesk;
  return (
    <section aria-labelledby="receipt-heading" className="flex flex-col gap-3 rounded-md border border-green-700 bg-green-50 p-4">
      <h2 id="receipt-heading" className="text-lg font-semibold text-green-900">
        {fd.receivedTitle}
      </h2>
      <p className="text-sm">
        {fill(m.register.registered, { number })} {fill(fd.receivedLead, { number, date: formatDateTime(props.registeredAt) })}{' '}
        {props.dueDate ? fill(fd.receivedDeadline, { date: formatDate(props.dueDate) }) : fd.receivedNoDeadline}{' '}
        {fill(fd.receivedUnit, { unit: props.unitName })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-medium">{fd.receipt}:</span>
        <Button asChild>
          <a href={`/dokumendid/${id}/vastuvotuteatis?keel=et`} target="_blank" rel="noopener">
            {fd.receiptEt}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={`/dokumendid/${id}/vastuvotuteatis?keel=en`} target="_blank" rel="noopener">
            {fd.receiptEn}
          </a>
        </Button>
        {props.canWrite && (
          <Link href="/dokumendid/uus" className="text-sm text-brand-700 underline">
            {fd.registerAnother}
          </Link>
        )}
      </div>
    </section>
  );
}

// History details in the reader's words: labelled, dates as dd.mm.yyyy, codes as names.
function EventDetails({ details, labels, names }: { details: Record<string, unknown>; labels: Record<string, string>; names: Map<string, string> }) {
  const shown = Object.entries(details).filter(([k, v]) => k in labels && v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (shown.length === 0) return null;
  const show = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? labels.yes! : labels.no!;
    if (Array.isArray(v)) return v.map(show).join(', ');
    if (typeof v === 'string' && ISO_DATE.test(v)) return formatDate(v);
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
