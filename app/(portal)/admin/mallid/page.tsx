import { notFound } from 'next/navigation';
import { TextsSummaryRows } from '@/components/templates/texts-summary';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { listNoticeTextSets, listTemplates, sealStatus, templateTextsOverview } from '@/server/templates/queries';

export const metadata = { title: 'Dokumendipõhjad' };

export default async function TemplatesPage() {
  const user = await requireUser();
  if (!can(user, 'templates.read')) notFound();
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const templates = listTemplates(user);
  const seal = sealStatus(user);
  const noticeSets = listNoticeTextSets(user);
  const texts = await templateTextsOverview(user);
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{m.templates.title}</h1>
        <p className="text-slate-700">{m.templates.lead}</p>
      </div>
      <SealNotice seal={seal} m={m} />
      <ul className="flex flex-col gap-4" aria-label={m.templates.title}>
        {templates.map((t) => (
          <li key={t.id}>
            <Card aria-labelledby={`template-${t.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 id={`template-${t.id}`} className="text-lg font-semibold">
                    {t.title[locale]}
                  </h2>
                  <p className="text-slate-700">{t.description[locale]}</p>
                </div>
                <Badge tone="brand">
                  {m.templates.version} {texts[t.id]!.inForce}
                </Badge>
              </div>
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">{m.templates.id}</dt>
                <dd className="font-mono">{t.id}</dd>
                <dt className="text-slate-600">{m.templates.documentType}</dt>
                <dd>{m.templates.documentTypes[t.documentType]}</dd>
                <dt className="text-slate-600">{m.templates.languages}</dt>
                <dd>{t.languages.map((l) => m.templates.languageNames[l]).join(', ')}</dd>
                <TextsSummaryRows summary={texts[t.id]!} m={m} />
                <dt className="text-slate-600">{m.templates.history}</dt>
                <dd>
                  <ul>
                    {[...t.history].reverse().map((h) => (
                      <li key={h.version}>
                        {m.templates.version} {h.version}, {formatDate(h.date)}: {h.change[locale]}
                      </li>
                    ))}
                  </ul>
                </dd>
              </dl>
              <p className="mt-3 flex flex-wrap gap-4">
                <a className="font-medium text-brand-700 underline" href={`/admin/mallid/${t.id}/tekstid`}>
                  {m.templateTexts.edit}
                </a>
                {t.languages.map((language) => (
                  <a
                    key={language}
                    className="font-medium text-brand-700 underline"
                    href={`/admin/mallid/${t.id}/naidis${language === t.languages[0] ? '' : `?keel=${language}`}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t.languages.length > 1 ? fill(m.templates.previewIn, { language: m.templates.languageNames[language] }) : m.templates.preview}
                  </a>
                ))}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">{m.templates.previewHint}</p>

      <section aria-labelledby="notice-texts" className="flex flex-col gap-4">
        <div>
          <h2 id="notice-texts" className="text-xl font-semibold">
            {m.templateTexts.noticesTitle}
          </h2>
          <p className="text-slate-700">{m.templateTexts.noticesLead}</p>
        </div>
        <ul className="flex flex-col gap-4" aria-label={m.templateTexts.noticesTitle}>
          {noticeSets.map((set) => (
            <li key={set.id}>
              <Card aria-labelledby={`texts-${set.id}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h3 id={`texts-${set.id}`} className="text-lg font-semibold">
                      {set.title[locale]}
                    </h3>
                    <p className="text-slate-700">{set.description[locale]}</p>
                  </div>
                  <Badge tone="brand">
                    {m.templates.version} {texts[set.id]!.inForce}
                  </Badge>
                </div>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <TextsSummaryRows summary={texts[set.id]!} m={m} />
                </dl>
                <p className="mt-3">
                  <a className="font-medium text-brand-700 underline" href={`/admin/mallid/${set.id}/tekstid`}>
                    {m.templateTexts.edit}
                  </a>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function SealNotice({ seal, m }: { seal: ReturnType<typeof sealStatus>; m: Awaited<ReturnType<typeof getMessages>> }) {
  if (seal.kind === 'broken') return <Alert tone="error">{fill(m.templates.sealBroken, { problem: seal.problem })}</Alert>;
  if (seal.kind === 'none') return <Alert tone="info">{m.templates.sealNone}</Alert>;
  const text = seal.kind === 'configured' ? m.templates.sealConfigured : m.templates.sealDevelopment;
  return <Alert tone={seal.kind === 'configured' ? 'success' : 'info'}>{fill(text, { subject: seal.subject, validTo: formatDate(seal.validTo) })}</Alert>;
}
