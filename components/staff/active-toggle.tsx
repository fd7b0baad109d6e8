'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { messageByKey } from '@/lib/i18n';
import { setStaffActiveAction } from '@/server/staff/actions';

export function ActiveToggle({ id, isActive }: { id: string; isActive: boolean }) {
  const m = useMessages();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <p className="text-sm text-slate-700">{m.staff.deactivateHint}</p>
      <div>
        <Button
          type="button"
          variant={isActive ? 'danger' : 'secondary'}
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await setStaffActiveAction({ id, active: !isActive });
              if (result.ok) {
                setMessage({ tone: 'success', text: isActive ? m.staff.deactivated : m.staff.activated });
                router.refresh();
              } else setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
            })
          }
        >
          {isActive ? m.staff.deactivate : m.staff.activate}
        </Button>
      </div>
    </div>
  );
}
