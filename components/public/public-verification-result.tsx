import { Alert } from '@/components/ui/alert';
import { formatDate } from '@/lib/format';
import type { Messages } from '@/lib/i18n';
import type { PublicVerification } from '@/lib/public-register';

/** The answer of the public check: the verdict and, for a document the Board issued, only its public particulars. */
export function PublicVerificationResult({ p, result }: { p: Messages['publicPages']; result: PublicVerification }) {
  // Every answer, a refusal as much as a verdict, is the one result region readers and tests find.
  const short = (tone: 'warning' | 'error', text: string) => (
    <div data-testid="public-verification" data-status={result.status}>
      <Alert tone={tone}>{text}</Alert>
    </div>
  );
  if (result.status === 'limited') return short('warning', p.limited);
  if (result.status === 'bad-code') return short('error', p.badCode);
  if (result.status === 'bad-personal-code') return short('error', p.badPersonalCode);
  if (result.status === 'unknown') return short('error', result.byFile ? p.unknownFile : p.unknown);
  const verdict =
    result.status === 'valid' ? (
      <Alert tone="success">{p.genuineFile}</Alert>
    ) : result.status === 'changed' ? (
      <Alert tone="error">{result.reason === 'seal' ? p.changedSeal : p.changed}</Alert>
    ) : (
      <Alert tone="success">{p.genuine}</Alert>
    );
  const rows: [string, string][] = [
    [p.documentType, result.type],
    [p.documentNumber, result.number],
    [p.issuedOn, formatDate(result.issuedAt)],
    [p.agency, result.agency],
  ];
  if (result.holder) rows.push([p.holder, result.holder === 'matches' ? p.matches : p.doesNotMatch]);
  return (
    <div className="flex flex-col gap-3" data-testid="public-verification" data-status={result.status}>
      {verdict}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="mb-2 font-medium sm:mb-0" data-testid={label === p.holder ? 'holder-match' : undefined}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
