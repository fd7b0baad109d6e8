import { notFound } from 'next/navigation';
import { ActiveToggle } from '@/components/staff/active-toggle';
import { StaffForm } from '@/components/staff/staff-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { versionOf } from '@/lib/record-version';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { getStaffMember, staffFormOptions } from '@/server/staff/queries';

export const metadata = { title: 'Töötaja' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ lisatud?: string }> };

export default async function StaffMemberPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'staff.read')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const m = await getMessages();
  const locale = await getLocale();
  const [person, options] = await Promise.all([getStaffMember(user, id), staffFormOptions(user, locale)]);
  if (!person) notFound();
  const { lisatud } = await searchParams;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {person.givenName} {person.familyName}
        </h1>
        <Badge tone={person.isActive ? 'success' : 'danger'}>{person.isActive ? m.staff.active : m.staff.inactive}</Badge>
      </div>
      {lisatud && <Alert tone="success">{m.staff.created}</Alert>}
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{m.staff.editTitle}</h2>
        <StaffForm
          options={{ ...options, managers: options.managers.filter((o) => o.value !== person.id) }}
          initial={{
            id: person.id,
            version: versionOf(person),
            personalCode: person.personalCode,
            givenName: person.givenName,
            familyName: person.familyName,
            email: person.email,
            phone: person.phone ?? '',
            title: person.title ?? '',
            titleEn: person.titleEn ?? '',
            unitCode: person.unitCode,
            officeCode: person.officeCode ?? '',
            regionCode: person.regionCode,
            managerId: person.managerId ?? '',
            roles: person.roles,
          }}
        />
      </Card>
      {person.id !== user.id && (
        <Card>
          <ActiveToggle id={person.id} isActive={person.isActive} />
        </Card>
      )}
    </div>
  );
}
