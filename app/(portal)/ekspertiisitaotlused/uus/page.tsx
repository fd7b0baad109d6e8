import { notFound } from 'next/navigation';
import { AssessmentForm } from '@/components/assessments/assessment-form';
import { registerAssessmentAction } from '@/server/assessments/actions';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { tallinnDate } from '@/server/calendar/working-days';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Puude raskusastme tuvastamise taotlus' };

export default async function NewAssessmentPage() {
  const user = await requireUser();
  if (!can(user, 'assessments.intake') || !can(user, 'register.write')) notFound();
  const m = await getMessages();
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{m.assessments.newTitle}</h1>
        <p className="text-slate-700">{m.assessments.newLead}</p>
      </div>
      <AssessmentForm today={tallinnDate(new Date())} register={registerAssessmentAction} />
    </div>
  );
}
