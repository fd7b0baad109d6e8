import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/ui/data-table';
import { formatDate, formatDateTime } from '@/lib/format';
import { listAssessmentApplications } from '@/server/assessments/queries';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Ekspertiisitaotlused' };

export default async function AssessmentsPage() {
  const user = await requireUser();
  if (!can(user, 'assessments.intake')) notFound();
  const m = await getMessages();
  const a = m.assessments;
  const rows = await listAssessmentApplications(user);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{a.title}</h1>
          <p className="max-w-3xl text-slate-700">{a.lead}</p>
        </div>
        <Link
          href="/ekspertiisitaotlused/uus"
          className="inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
        >
          {a.new}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p>{a.list.none}</p>
      ) : (
        <DataTable caption={a.title} columns={[a.list.number, a.list.date, a.list.kind, a.list.group, a.list.unit, a.list.joint]}>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className="px-3 py-2">
                <Link href={`/ekspertiisitaotlused/${r.id}`} className="font-mono text-brand-700 underline">
                  {r.number}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
              <td className="px-3 py-2">{a.kinds[r.kind]}</td>
              <td className="px-3 py-2">{a.groups[r.applicantGroup]}</td>
              <td className="px-3 py-2">{m.locale === 'en' ? r.unitNameEn : r.unitName}</td>
              <td className="px-3 py-2">{r.otherAuthorityDueDate ? formatDate(r.otherAuthorityDueDate) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
