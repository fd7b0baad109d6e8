import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Messages } from '@/lib/i18n';
import type { Verification } from '@/lib/issuing-schema';

export function VerificationResult({ m, result, byFile }: { m: Messages; result: Verification; byFile: boolean }) {
  const v = m.issuing.verify;
  if (result.status === 'bad-code') return <Alert tone="error">{v.badCode}</Alert>;
  if (result.status === 'unknown') return <Alert tone="error">{byFile && !result.code ? v.unknownFile : v.unknown}</Alert>;
  const verdict =
    result.status === 'valid' ? (
      <Alert tone="success">{v.valid}</Alert>
    ) : result.status === 'changed' ? (
      <Alert tone="error">{result.reason === 'seal' ? v.changedSeal : v.changedSha}</Alert>
    ) : (
      <Alert tone="info">{v.issued}</Alert>
    );
  const rows: [string, string][] = [
    [v.number, result.number],
    [v.registeredAt, formatDate(result.registeredAt)],
    [v.type, result.typeName],
    [v.template, `${result.templateTitle} (v${result.templateVersion})`],
    [v.to, result.recipientCode ? `${result.recipientName} · ${result.recipientCode}` : result.recipientName],
    [v.issuedAt, formatDateTime(result.issuedAt)],
    [v.issuedBy, result.issuedByName],
    [v.method, m.issuing.methods[result.method as keyof typeof m.issuing.methods] ?? result.method],
    [v.sealed, result.sealed ? v.yes : v.no],
  ];
  return (
    <div className="flex flex-col gap-3" data-testid="verification-result">
      {verdict}
      <Card>
        <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className={label === v.number ? 'font-mono' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
