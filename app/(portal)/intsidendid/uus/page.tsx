import { ReportForm } from '@/components/incidents/report-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { getLocale, getMessages } from '@/server/i18n';
import { reportIncidentAction } from '@/server/incidents/actions';
import { priorityMatrixForReport } from '@/server/incidents/priority-matrix';
import { reportFormOptions } from '@/server/incidents/queries';

export const metadata = { title: 'Teata probleemist' };

export default async function ReportIncidentPage() {
  const user = await requireUser();
  const m = await getMessages();
  const locale = await getLocale();
  const [offices, matrix] = await Promise.all([reportFormOptions(user, locale), priorityMatrixForReport(user)]);
  return (
    <Card className="flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{m.incidents.reportTitle}</h1>
        <p className="text-slate-700">{m.incidents.reportLead}</p>
      </div>
      <ReportForm offices={offices} defaultOffice={user.officeCode ?? ''} matrix={matrix} action={reportIncidentAction} />
    </Card>
  );
}
