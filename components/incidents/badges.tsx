import { Badge } from '@/components/ui/badge';
import type { Messages } from '@/lib/i18n';
import type { IncidentPriority, IncidentStatus } from '@/lib/incident-schema';

const priorityTone = { critical: 'danger', high: 'danger', normal: 'brand', low: 'neutral' } as const;
const statusTone = {
  new: 'brand',
  in_progress: 'brand',
  waiting_reporter: 'neutral',
  waiting_supplier: 'neutral',
  resolved: 'success',
  closed: 'neutral',
} as const;

export function PriorityBadge({ m, priority }: { m: Messages; priority: IncidentPriority }) {
  return <Badge tone={priorityTone[priority]}>{m.incidents.priorities[priority]}</Badge>;
}

export function StatusBadge({ m, status }: { m: Messages; status: IncidentStatus }) {
  return <Badge tone={statusTone[status]}>{m.incidents.statuses[status]}</Badge>;
}
