import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IssueForm } from '@/components/issuing/issue-form';
import { ISO_DATE } from '@/lib/tallinn-time';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { addDays, tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';
import { prefillFor } from '@/server/issuing/prefill';
import { issuingContext } from '@/server/issuing/queries';
import { isTemplateId, TEMPLATE_IDS, getTemplate, type TemplateId } from '@/templates/registry';

export const metadata = { title: 'Dokumendi väljastamine' };

type Props = {
  searchParams: Promise<{ klient?: string; dokument?: string; versioon?: string; mall?: string; puuduvad?: string; tahtaeg?: string; markus?: string }>;
};
const uuid = (v?: string) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

// Issuing from a client card (`?klient=`) or a registered document (`?dokument=`, with
// `?versioon=` the version its card showed: the issue is refused if it changed since).
export default async function IssuePage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'documents.issue')) notFound();
  const { klient, dokument, versioon, mall, puuduvad, tahtaeg, markus } = await searchParams;
  const clientId = uuid(klient);
  const documentId = uuid(dokument);
  if (!clientId && !documentId) notFound();
  const m = await getMessages();
  const t = m.issuing;
  const context = await issuingContext(user, { clientId, documentId }, { requestId: await getRequestId() });
  if (!context) notFound();
  // Asking for missing documents from an application (`?puuduvad=` the items, one a line): the
  // notice is prepared from them and issuing it makes the request, as one action.
  const missingFor = puuduvad !== undefined && documentId && context.source?.direction === 'incoming' ? documentId : undefined;
  const issuable: TemplateId[] = missingFor ? ['missing-documents-notice'] : TEMPLATE_IDS.filter((id) => getTemplate(id)!.meta.issuable !== false);
  const items = (puuduvad ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const prefillContext = missingFor
    ? { ...context, missing: { items, clientDeadline: ISO_DATE.test(tahtaeg ?? '') ? tahtaeg! : addDays(tallinnDate(new Date()), 14) } }
    : context;
  const prefills = Object.fromEntries(
    issuable.map((id) => [
      id,
      id === 'missing-documents-notice' && missingFor
        ? { ...prefillFor(id, prefillContext), note: (markus ?? '').slice(0, 2000) }
        : prefillFor(id, prefillContext),
    ]),
  );
  const initial = missingFor
    ? 'missing-documents-notice'
    : isTemplateId(mall) && issuable.includes(mall)
      ? mall
      : context.source?.typeCode === 'missing_documents_request'
        ? 'missing-documents-notice'
        : context.source?.direction === 'incoming'
          ? 'reply-letter'
          : 'benefit-certificate';
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{missingFor ? m.frontDesk.letterTitle : t.title}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{missingFor ? m.frontDesk.letterLead : t.lead}</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {context.client && (
          <>
            <dt className="text-slate-600">{t.to}</dt>
            <dd>
              <Link href={`/kliendid/${context.clientId}`} className="text-brand-700 underline">
                {context.client.name} · {context.client.personalCode}
              </Link>
            </dd>
          </>
        )}
        {context.source && (
          <>
            <dt className="text-slate-600">{t.fromDocument}</dt>
            <dd>
              <Link href={`/dokumendid/${context.source.id}`} className="font-mono text-brand-700 underline">
                {context.source.number}
              </Link>{' '}
              {context.source.title}
            </dd>
          </>
        )}
      </dl>
      <IssueForm
        templates={issuable.map((id) => ({ id, title: getTemplate(id)!.meta.title[m.locale === 'en' ? 'en' : 'et'] }))}
        signerTitles={context.signerTitles}
        prefills={prefills}
        initialTemplate={initial}
        clientId={clientId ?? ''}
        fromDocumentId={documentId ?? ''}
        fromDocumentVersion={/^\d{1,12}$/.test(versioon ?? '') ? versioon! : context.fromDocumentVersion}
        missingFor={missingFor}
      />
    </div>
  );
}
