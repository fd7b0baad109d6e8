'use client';

import { useState, useTransition } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { fill, messageByKey } from '@/lib/i18n';
import { verifyAuditTrailAction } from '@/server/audit/actions';

export function VerifyChain() {
  const m = useMessages();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  return (
    <div className="flex flex-col items-start gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await verifyAuditTrailAction();
            if (!r.ok) setResult({ tone: 'error', text: messageByKey(m, r.formError ?? 'errors.generic') });
            else if (r.data.ok) setResult({ tone: 'success', text: fill(m.audit.intact, { n: r.data.rows }) });
            else setResult({ tone: 'error', text: fill(m.audit.broken, { seq: r.data.brokenSeq, reason: r.data.reason }) });
          })
        }
      >
        {pending ? m.audit.verifying : m.audit.verify}
      </Button>
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
    </div>
  );
}
