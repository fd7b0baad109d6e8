import { notFound } from 'next/navigation';
import { BlockPreview } from '@/components/templates/block-preview';
import { ReviewPanel } from '@/components/templates/review-panel';
import { TEXTS_STEPS } from '@/components/templates/texts-done';
import { TextsEditor } from '@/components/templates/texts-editor';
import { TextsHistory } from '@/components/templates/texts-summary';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { lineDiff } from '@/lib/line-diff';
import { versionOf } from '@/lib/record-version';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { templateTextsDetail } from '@/server/templates/queries';
import { parseBlock } from '@/templates/shared/texts';
import { textSpecOf } from '@/templates/texts';

export const metadata = { title: 'Põhja tekstid' };

// One template's texts, or one group of notifications' (templates/notices/texts.ts): the
// version in force and its history, the author's editor, and for a submitted version the
// review: the difference against the version in force side by side, a preview with sample
// data in both languages (and a template's PDF), and publishing by another administrator.
export default async function TemplateTextsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tehtud?: string; versioon?: string }>;
}) {
  const user = await requireUser();
  if (!can(user, 'templates.read')) notFound();
  const { id } = await params;
  const { tehtud, versioon } = await searchParams;
  const [m, locale, detail] = await Promise.all([getMessages(), getLocale(), templateTextsDetail(user, id)]);
  if (!detail) notFound();
  const t = m.templateTexts;
  const draft = detail.draft;
  const mine = draft?.authorId === user.id;
  const canEdit = can(user, 'templates.edit') && (!draft || (draft.status === 'draft' && mine));
  const spec = textSpecOf(id)!;
  const notice = detail.kind === 'notice';
  const values = (language: 'et' | 'en') => detail.sampleValues[language];
  const names = Object.keys(spec.placeholders);
  const done = TEXTS_STEPS.find((step) => step === tehtud);
  const doneText =
    done === 'avaldatud' && /^\d{1,6}$/.test(versioon ?? '')
      ? fill(t.published, { version: Number(versioon) })
      : done === 'esitatud'
        ? t.submitted
        : done === 'tagasi'
          ? t.returned
          : done === 'kustutatud'
            ? t.discarded
            : null;
  const changed = draft
    ? detail.blocks.filter((b) => (['et', 'en'] as const).some((l) => (draft.blocks[b.key]?.[l] ?? '') !== (detail.current[b.key]?.[l] ?? '')))
    : [];

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{fill(notice ? t.noticePageTitle : t.pageTitle, { template: detail.title[locale] })}</h1>
        <p className="text-slate-700">{notice ? t.noticeLead : t.lead}</p>
      </div>
      {doneText && (
        <Alert tone="success" role="status">
          {doneText}
        </Alert>
      )}

      <Card aria-labelledby="texts-state">
        <h2 id="texts-state" className="text-lg font-semibold">
          {t.inForce}
        </h2>
        <p>
          <Badge tone="brand">
            {m.templates.version} {detail.inForce}
          </Badge>{' '}
          {detail.inForceFrom ? fill(t.inForceValue, { version: detail.inForce, from: formatDateTime(detail.inForceFrom) }) : t.initial}
        </p>
        {detail.scheduled.map((s) => (
          <p key={s.version}>{fill(t.scheduled, { version: s.version, from: formatDateTime(s.from) })}</p>
        ))}
        <p className="mt-2">
          {draft ? fill(draft.status === 'submitted' ? t.submittedBy : t.draftBy, { author: draft.authorName, at: formatDateTime(draft.at) }) : t.noDraft}
        </p>
      </Card>

      {draft?.status === 'submitted' && (
        <Card aria-labelledby="texts-review">
          <h2 id="texts-review" className="text-lg font-semibold">
            {t.review}
          </h2>
          <h3 className="mt-3 font-semibold">{t.difference}</h3>
          {changed.map((block) => (
            <section key={block.key} aria-label={block.label[locale]} className="mt-3">
              <h4 className="font-medium">{block.label[locale]}</h4>
              {(['et', 'en'] as const).map((language) => {
                const rows = lineDiff(detail.current[block.key]?.[language] ?? '', draft.blocks[block.key]?.[language] ?? '');
                if (rows.every((r) => r.kind === 'same')) return null;
                return (
                  <table key={language} className="mt-2 w-full table-fixed border-collapse text-sm">
                    <caption className="text-left text-slate-600">{language === 'et' ? t.et : t.en}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="border border-slate-300 p-1 text-left">
                          {fill(t.current, { version: detail.currentVersion })}
                        </th>
                        <th scope="col" className="border border-slate-300 p-1 text-left">
                          {t.proposed}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row, i) => (
                        <tr key={i} data-diff={row.kind}>
                          <td
                            className={`border border-slate-300 p-1 align-top whitespace-pre-wrap ${row.kind === 'removed' || row.kind === 'changed' ? 'bg-red-50' : ''}`}
                          >
                            {row.kind === 'removed' || row.kind === 'changed' ? <del>{row.left}</del> : row.left}
                          </td>
                          <td
                            className={`border border-slate-300 p-1 align-top whitespace-pre-wrap ${row.kind === 'added' || row.kind === 'changed' ? 'bg-green-50' : ''}`}
                          >
                            {row.kind === 'added' || row.kind === 'changed' ? <ins>{row.right}</ins> : row.right}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                );
              })}
            </section>
          ))}
          {changed.length < detail.blocks.length && (
            <p className="mt-2 text-sm text-slate-600">
              {fill(t.unchanged, {
                blocks: detail.blocks
                  .filter((b) => !changed.includes(b))
                  .map((b) => b.label[locale])
                  .join(', '),
              })}
            </p>
          )}

          <h3 className="mt-4 font-semibold">{t.preview}</h3>
          <div className="mt-2 grid gap-4 md:grid-cols-2">
            {(['et', 'en'] as const).map((language) => (
              <section key={language} aria-label={`${t.preview}: ${language === 'et' ? t.et : t.en}`} className="rounded border border-slate-300 p-3">
                <h4 className="font-medium">{language === 'et' ? t.et : t.en}</h4>
                {detail.blocks.map((block) => {
                  const parsed = parseBlock(
                    draft.blocks[block.key]?.[language] ?? '',
                    spec.blocks.find((b) => b.key === block.key)!,
                    names,
                  );
                  return parsed.ok ? (
                    <div key={block.key} className="mt-2">
                      <p className="text-xs text-slate-600">{block.label[locale]}</p>
                      <BlockPreview block={parsed.block} values={values(language)} />
                    </div>
                  ) : null;
                })}
              </section>
            ))}
          </div>
          {!notice && (
            <p className="mt-3 flex flex-wrap gap-4">
              {detail.languages.map((language) => (
                <a
                  key={language}
                  className="font-medium text-brand-700 underline"
                  href={`/admin/mallid/${id}/tekstid/eelvaade${language === detail.languages[0] ? '' : `?keel=${language}`}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t.previewPdf}
                  {detail.languages.length > 1 ? ` (${m.templates.languageNames[language]})` : ''}
                </a>
              ))}
            </p>
          )}
          {can(user, 'templates.publish') && (
            <div className="mt-4">
              <ReviewPanel templateId={id} draftId={draft.id} version={versionOf({ updatedAt: draft.updatedAt })} isAuthor={mine} />
            </div>
          )}
        </Card>
      )}

      {canEdit ? (
        <Card aria-labelledby="texts-edit">
          <h2 id="texts-edit" className="text-lg font-semibold">
            {t.draft}
          </h2>
          <details className="my-2 text-sm">
            <summary className="cursor-pointer font-medium">{t.syntaxTitle}</summary>
            <p className="mt-1">{notice ? t.noticeSyntax : t.syntax}</p>
            <p className="mt-2 font-medium">{t.placeholders}</p>
            <ul className="font-mono">
              {detail.placeholders.map((p) => (
                <li key={p.name}>
                  {`{${p.name}}`} <span className="font-sans text-slate-600">— {p.sample}</span>
                </li>
              ))}
            </ul>
          </details>
          <TextsEditor locale={locale} templateId={id} blocks={detail.blocks} initial={draft ? draft.blocks : detail.current} hasDraft={!!draft} />
        </Card>
      ) : draft?.status === 'draft' ? (
        <Alert tone="info">{m.errors.templateDraftOfAnother}</Alert>
      ) : null}

      <Card aria-labelledby="texts-history">
        <h2 id="texts-history" className="text-lg font-semibold">
          {t.history}
        </h2>
        <TextsHistory summary={detail} m={m} className="mt-2 flex flex-col gap-1" />
      </Card>
    </div>
  );
}
