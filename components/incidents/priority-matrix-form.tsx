'use client';

import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Select } from '@/components/ui/input';
import { SettingsForm } from '@/components/ui/settings-form';
import type { ActionResult } from '@/lib/action-result';
import { fill } from '@/lib/i18n';
import { IMPACTS, PRIORITIES, URGENCIES, type IncidentPriority, type PriorityMatrix } from '@/lib/incident-schema';

export function PriorityMatrixForm({ initial, save }: { initial: PriorityMatrix; save: (input: PriorityMatrix) => Promise<ActionResult<void>> }) {
  const m = useMessages();
  const t = m.incidents;
  const [matrix, setMatrix] = useState<PriorityMatrix>(initial);
  return (
    <SettingsForm value={matrix} save={save} saved={t.matrixSaved} submitLabel={t.matrixSave}>
      <table className="w-auto border-collapse text-sm">
        <caption className="sr-only">{t.matrixTitle}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b p-2 text-left">
              {t.matrixImpact} \ {t.matrixUrgency}
            </th>
            {URGENCIES.map((u) => (
              <th key={u} scope="col" className="border-b p-2 text-left">
                {t.matrixUrgencyShort[u]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {IMPACTS.map((impact) => (
            <tr key={impact}>
              <th scope="row" className="p-2 text-left">
                {t.impacts[impact]}
              </th>
              {URGENCIES.map((urgency) => (
                <td key={urgency} className="p-2">
                  <Select
                    aria-label={fill(t.matrixCell, { impact: t.impacts[impact], urgency: t.matrixUrgencyShort[urgency] })}
                    value={matrix[impact][urgency]}
                    onChange={(e) => setMatrix({ ...matrix, [impact]: { ...matrix[impact], [urgency]: e.target.value as IncidentPriority } })}
                  >
                    {PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {t.priorities[p]}
                      </option>
                    ))}
                  </Select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </SettingsForm>
  );
}
