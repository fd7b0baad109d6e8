import { notFound } from 'next/navigation';
import { PriorityMatrixForm } from '@/components/incidents/priority-matrix-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { savePriorityMatrixAction } from '@/server/incidents/actions';
import { priorityMatrixForAdmin } from '@/server/incidents/priority-matrix';

export const metadata = { title: 'Intsidentide prioriteedid' };

export default async function PriorityMatrixPage() {
  const user = await requireUser();
  if (!can(user, 'incidents.rules')) notFound();
  const m = await getMessages();
  const matrix = await priorityMatrixForAdmin(user);
  return (
    <Card className="flex max-w-4xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{m.incidents.matrixTitle}</h1>
        <p className="text-slate-700">{m.incidents.matrixLead}</p>
      </div>
      <PriorityMatrixForm initial={matrix} save={savePriorityMatrixAction} />
    </Card>
  );
}
