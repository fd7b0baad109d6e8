import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BenefitKindForm } from '@/components/payments/benefit-kind-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { saveBenefitKindAction } from '@/server/payments/actions';
import { listBenefitKinds } from '@/server/payments/queries';

export const metadata = { title: 'Toetuseliigid' };

export default async function BenefitKindsPage({ searchParams }: { searchParams: Promise<{ muuda?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'payments.configure')) notFound();
  const [m, locale, kinds, query] = await Promise.all([getMessages(), getLocale(), listBenefitKinds({ activeOnly: false }), searchParams]);
  const k = m.payments.kinds;
  const editing = kinds.find((x) => x.code === query.muuda) ?? null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{k.title}</h1>
        <p className="max-w-3xl text-slate-700">{k.lead}</p>
      </div>
      <Alert tone="info">{k.funeralNote}</Alert>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]">
        <DataTable
          caption={k.title}
          columns={[
            k.code,
            k.nameEt,
            k.shape,
            k.isActive,
            <span key="edit" className="sr-only">
              {k.edit}
            </span>,
          ]}
        >
          {kinds.map((kind) => (
            <tr key={kind.code} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-mono">{kind.code}</td>
              <td className="px-3 py-2">
                {locale === 'en' ? kind.nameEn : kind.nameEt}
                {(locale === 'en' ? kind.noteEn : kind.noteEt) && <p className="text-xs text-slate-600">{locale === 'en' ? kind.noteEn : kind.noteEt}</p>}
              </td>
              <td className="px-3 py-2">{k.shapes[kind.shape]}</td>
              <td className="px-3 py-2">
                <Badge tone={kind.isActive ? 'success' : 'neutral'}>{kind.isActive ? k.active : k.inactive}</Badge>
              </td>
              <td className="px-3 py-2">
                <Link href={`/admin/toetuseliigid?muuda=${kind.code}`} className="text-brand-700 underline">
                  {k.edit}
                  <span className="sr-only">: {kind.nameEt}</span>
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
        <Card>
          <BenefitKindForm
            key={editing?.code ?? 'new'}
            initial={
              editing && {
                code: editing.code,
                nameEt: editing.nameEt,
                nameEn: editing.nameEn,
                remittancePrefix: editing.remittancePrefix,
                noteEt: editing.noteEt ?? '',
                noteEn: editing.noteEn ?? '',
                isActive: editing.isActive,
              }
            }
            action={saveBenefitKindAction}
          />
        </Card>
      </div>
    </div>
  );
}
