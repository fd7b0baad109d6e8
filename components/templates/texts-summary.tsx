import { formatDate, formatDateTime } from '@/lib/format';
import { fill, type Messages } from '@/lib/i18n';
import type { TemplateTextsSummary } from '@/server/templates/queries';

/** A set of texts' published versions, newest first, ending with version 1 (the wording in code). */
export function TextsHistory({ summary, m, className }: { summary: Pick<TemplateTextsSummary, 'history'>; m: Messages; className?: string }) {
  const t = m.templateTexts;
  return (
    <ul className={className}>
      {summary.history.map((h) => (
        <li key={h.version}>
          {fill(t.historyRow, {
            version: h.version,
            author: h.authorName,
            publisher: h.publisherName,
            at: formatDateTime(h.publishedAt),
            from: formatDate(h.effectiveFrom),
          })}
        </li>
      ))}
      <li>{t.historyInitial}</li>
    </ul>
  );
}

/** A set of texts' open draft, any version waiting for its day, and its history, as rows of the templates page's <dl>. */
export function TextsSummaryRows({ summary, m }: { summary: TemplateTextsSummary; m: Messages }) {
  const t = m.templateTexts;
  return (
    <>
      <dt className="text-slate-600">{t.draft}</dt>
      <dd>
        {summary.draft
          ? fill(summary.draft.status === 'submitted' ? t.submittedBy : t.draftBy, { author: summary.draft.authorName, at: formatDateTime(summary.draft.at) })
          : t.noDraft}
      </dd>
      <dt className="text-slate-600">{t.history}</dt>
      <dd>
        {summary.scheduled.length > 0 && (
          <ul>
            {summary.scheduled.map((v) => (
              <li key={v.version}>{fill(t.scheduled, { version: v.version, from: formatDateTime(v.from) })}</li>
            ))}
          </ul>
        )}
        <TextsHistory summary={summary} m={m} />
      </dd>
    </>
  );
}
