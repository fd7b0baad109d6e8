'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { BulkProgress } from '@/templates/registry';
import { fill, messageByKey } from '@/lib/i18n';
import { bulkProgressAction, cancelBulkAction, startBulkAction } from '@/server/bulk/actions';

const POLL_MS = 1000;

/**
 * The run's state as the database has it: the page renders it, and while the run is being
 * issued this polls for it, so a reload (or another tab) shows the same progress. When the
 * state changes (started, finished, cancelled) the page is refreshed for the rows' list
 * (the page keys this component by the run's state, so it starts again from the new one).
 */
export function BulkRunControls({ initial }: { initial: BulkProgress }) {
  const m = useMessages();
  const t = m.bulk;
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [busy, setBusy] = useState<'start' | 'cancel' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { status, total, counts, percent } = progress;
  const done = counts.issued + counts.failed;

  useEffect(() => {
    if (status !== 'running') return;
    let stopped = false;
    const timer = setInterval(async () => {
      const result = await bulkProgressAction({ runId: initial.id });
      if (stopped || !result.ok || !result.data) return;
      setProgress(result.data);
      if (result.data.status !== 'running') router.refresh();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [status, initial.id, router]);

  async function act(kind: 'start' | 'cancel') {
    setBusy(kind);
    setError(null);
    const result = await (kind === 'start' ? startBulkAction : cancelBulkAction)({ runId: initial.id });
    setBusy(null);
    if (!result.ok) {
      setError(fill(messageByKey(m, result.formError ?? 'errors.generic'), result.params ?? {}));
      return;
    }
    setProgress((p) => ({ ...p, status: kind === 'start' ? 'running' : 'cancelled' }));
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      {status === 'validated' && <Alert tone="info">{fill(t.validOk, { n: total })}</Alert>}
      {status !== 'validated' && (
        <div className="flex flex-col gap-2">
          <div
            role="progressbar"
            aria-label={t.progressLabel}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={fill(t.progressText, { done, total, percent })}
            className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={status === 'cancelled' || status === 'failed' ? 'h-full bg-slate-500' : 'h-full bg-brand-700 transition-[width] duration-500'}
              style={{ width: `${percent}%` }}
            />
          </div>
          <p className="flex flex-wrap justify-between gap-2 text-sm" aria-live="polite">
            <span className="font-medium tabular-nums" data-testid="bulk-progress-text">
              {fill(t.progressText, { done, total, percent })}
            </span>
            <span className="text-slate-700">{fill(t.counts, counts)}</span>
          </p>
        </div>
      )}
      {status === 'running' && <p className="text-sm text-slate-700">{t.runningHint}</p>}
      {status === 'completed' && <Alert tone="success">{fill(t.completedText, { issued: counts.issued })}</Alert>}
      {status === 'cancelled' && <Alert tone="warning">{t.cancelledText}</Alert>}
      {status === 'failed' && <Alert tone="error">{t.failedText}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {(status === 'validated' || status === 'running') && (
        <div className="flex flex-wrap gap-3">
          {status === 'validated' && (
            <Button onClick={() => void act('start')} disabled={busy !== null}>
              {busy === 'start' ? t.starting : fill(t.start, { n: total })}
            </Button>
          )}
          <Button variant="secondary" onClick={() => void act('cancel')} disabled={busy !== null}>
            {busy === 'cancel' ? t.cancelling : t.cancel}
          </Button>
        </div>
      )}
    </div>
  );
}
