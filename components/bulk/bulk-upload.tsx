'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import type { BulkProblem, BulkRowError } from '@/templates/registry';
import { fill, messageByKey, type Messages } from '@/lib/i18n';
import { ISSUE_METHODS, type IssueMethodValue } from '@/lib/issuing-schema';
import { uploadBulkAction } from '@/server/bulk/actions';

export type BulkTemplateOption = { id: string; title: string; columns: { header: string; kind: keyof Messages['bulk']['columnHints']; required: boolean }[] };
type Report = { fileErrors: BulkProblem[]; rowErrors: BulkRowError[]; rowErrorCount: number; rowCount: number; invalidRows: number };

const text = (m: Messages, p: BulkProblem) => fill(messageByKey(m, p.key), p.params ?? {});

export function BulkUpload({ templates, maxRows }: { templates: BulkTemplateOption[]; maxRows: number }) {
  const m = useMessages();
  const t = m.bulk;
  const router = useRouter();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [method, setMethod] = useState<IssueMethodValue>('post');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const template = templates.find((tpl) => tpl.id === templateId);

  async function submit(formData: FormData) {
    const file = formData.get('file');
    if (!file || typeof file === 'string' || file.size === 0) {
      setError(t.chooseFile);
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await uploadBulkAction(formData);
    if (!result.ok) {
      setBusy(false);
      setError(fill(messageByKey(m, result.formError ?? 'errors.generic'), result.params ?? {}));
      return;
    }
    if (result.data.valid) {
      router.push(`/valjasta/hulgi/${result.data.runId}`);
      return;
    }
    setBusy(false);
    setReport(result.data);
    // The report replaces the form's focus: keyboard and screen-reader users land on it.
    requestAnimationFrame(() => reportRef.current?.focus());
  }

  return (
    <div className="flex flex-col gap-5">
      <form action={(fd) => void submit(fd)} className="flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="bulk-template" label={t.template}>
            <Select id="bulk-template" name="templateId" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="bulk-method" label={t.method}>
            <Select id="bulk-method" name="method" value={method} onChange={(e) => setMethod(e.target.value as IssueMethodValue)}>
              {ISSUE_METHODS.map((value) => (
                <option key={value} value={value}>
                  {m.issuing.methods[value]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {template && (
          <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">{t.columns}</h3>
              <a href={`/valjasta/hulgi/naidis?mall=${encodeURIComponent(template.id)}`} download className="text-brand-700 underline">
                {t.example}
              </a>
            </div>
            <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
              {template.columns.map((c) => (
                <li key={c.header}>
                  <code className="rounded bg-white px-1 font-mono text-slate-900">{c.header}</code>{' '}
                  <span className="text-slate-700">
                    {t.columnHints[c.kind]}, {c.required ? t.required : t.optional}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Field id="bulk-file" label={t.file} hint={fill(t.fileHint, { rows: maxRows })}>
          <input
            id="bulk-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="bulk-file-hint"
            className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm"
          />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? t.checking : t.check}
          </Button>
        </div>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {report && (
        <div ref={reportRef} tabIndex={-1} className="flex flex-col gap-3 outline-none" data-testid="bulk-report">
          <Alert tone="error">
            <p className="font-semibold">{t.reportTitle}</p>
            {report.rowErrorCount > 0 && <p>{fill(t.reportSummary, { rows: report.rowCount, invalid: report.invalidRows })}</p>}
          </Alert>
          {report.fileErrors.length > 0 && (
            <div>
              <h3 className="font-medium">{t.fileProblems}</h3>
              <ul className="list-disc pl-6 text-sm">
                {report.fileErrors.map((p, i) => (
                  <li key={i}>{text(m, p)}</li>
                ))}
              </ul>
            </div>
          )}
          {report.rowErrors.length > 0 && (
            <DataTable caption={t.reportCaption} columns={[t.row, t.column, t.problem]}>
              {report.rowErrors.map((e, i) => (
                <tr key={i} className="border-t border-slate-200">
                  <td className="px-3 py-2 tabular-nums">{e.row}</td>
                  <td className="px-3 py-2 font-mono">{e.column || t.wholeRow}</td>
                  <td className="px-3 py-2">{text(m, e)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {report.rowErrorCount > report.rowErrors.length && (
            <p className="text-sm text-slate-700">{fill(t.reportMore, { shown: report.rowErrors.length, total: report.rowErrorCount })}</p>
          )}
        </div>
      )}
    </div>
  );
}
