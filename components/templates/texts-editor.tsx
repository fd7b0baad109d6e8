'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import { fill, messageByKey } from '@/lib/i18n';
import type { Localized } from '@/templates/registry';
import type { TextProblem } from '@/templates/registry';
import { discardTextsAction, saveTextsAction, submitTextsAction } from '@/server/templates/actions';
import { textsDoneHref } from './texts-done';

/** `placeholders`: the only ones this block may use (a notice's), shown under its name; null: the template's list. */
type Block = { key: string; label: Localized; kind: string; placeholders: readonly string[] | null };

/** The author's editor: every block in Estonian and English; save, submit for review, delete. */
export function TextsEditor({
  templateId,
  blocks,
  initial,
  hasDraft,
  locale,
}: {
  locale: 'et' | 'en';
  templateId: string;
  blocks: Block[];
  initial: Record<string, Localized>;
  hasDraft: boolean;
}) {
  const m = useMessages();
  const t = m.templateTexts;
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<TextProblem[]>([]);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const { run, pending: discarding, outcome } = useActionOutcome(m);
  // With a dozen blocks the list of problems is far above the buttons: take the reader there.
  const problemsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) problemsRef.current?.focus();
  }, [problems]);
  const problemsOf = (key: string, language: 'et' | 'en') => problems.filter((p) => p.block === key && p.language === language);

  const where = (p: TextProblem) => (p.line === 0 ? t.wholeBlock : fill(t.lineN, { line: p.line }));
  const why = (p: TextProblem) => fill(t.reasons[p.reason] ?? p.reason, { detail: p.detail ?? '' });
  const describe = (p: TextProblem) =>
    fill(t.problem, {
      block: blocks.find((b) => b.key === p.block)?.label[locale] ?? p.block,
      language: p.language === 'et' ? t.et : t.en,
      line: where(p),
      reason: why(p),
    });

  const act = (submit: boolean) =>
    start(async () => {
      setNotice(null);
      const saved = await saveTextsAction({ templateId, blocks: values });
      if (!saved.ok) return setNotice({ tone: 'error', text: messageByKey(m, saved.formError ?? 'errors.generic') });
      if (!saved.data.saved) return setProblems(saved.data.problems);
      setProblems([]);
      if (!submit) {
        setNotice({ tone: 'success', text: t.saved });
        return router.refresh();
      }
      const submitted = await submitTextsAction(templateId);
      if (!submitted.ok) return setNotice({ tone: 'error', text: messageByKey(m, submitted.formError ?? 'errors.generic') });
      if (!submitted.data.submitted) return setProblems(submitted.data.problems);
      // Submitting closes the editor: the page says it (texts-done.ts).
      router.replace(textsDoneHref(templateId, 'esitatud'));
    });

  return (
    <form
      className="flex flex-col gap-4"
      aria-label={t.draft}
      onSubmit={(e) => {
        e.preventDefault();
        act(false);
      }}
    >
      {problems.length > 0 && (
        <div ref={problemsRef} tabIndex={-1} className="outline-none">
          <Alert tone="error" role="alert">
            <p className="font-medium">{t.problemsTitle}</p>
            <ul className="list-disc pl-5">
              {problems.map((p, i) => (
                <li key={i}>{describe(p)}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      {blocks.map((block) => (
        <fieldset key={block.key} className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">{block.label[locale]}</legend>
          {block.placeholders && (
            <p className="mb-2 text-sm text-slate-600">
              {block.placeholders.length
                ? fill(t.blockPlaceholders, { names: block.placeholders.map((name) => `{${name}}`).join(', ') })
                : t.noBlockPlaceholders}
            </p>
          )}
          <div className="grid gap-3 md:grid-cols-2">
            {(['et', 'en'] as const).map((language) => {
              const id = `block-${block.key}-${language}`;
              return (
                <div key={language} className="flex flex-col gap-1">
                  <label htmlFor={id} className="text-sm text-slate-700">
                    {block.label[locale]}: {language === 'et' ? t.et : t.en}
                  </label>
                  <Textarea
                    id={id}
                    error={problemsOf(block.key, language).length ? 'invalid' : undefined}
                    rows={block.kind === 'heading' ? 2 : 6}
                    value={values[block.key]?.[language] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [block.key]: { ...(v[block.key] ?? { et: '', en: '' }), [language]: e.target.value } }))}
                  />
                  {problemsOf(block.key, language).length > 0 && (
                    <ul id={`${id}-error`} className="text-sm text-red-800">
                      {problemsOf(block.key, language).map((p, i) => (
                        <li key={i}>
                          {where(p)}: {why(p)}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {t.save}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => act(true)}>
          {t.submit}
        </Button>
        {hasDraft && (
          <Button type="button" variant="ghost" disabled={discarding} onClick={() => run(() => discardTextsAction(templateId), t.discarded)}>
            {t.discard}
          </Button>
        )}
      </div>
    </form>
  );
}
