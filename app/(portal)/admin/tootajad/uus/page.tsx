import { notFound } from 'next/navigation';
import { StaffForm } from '@/components/staff/staff-form';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { staffFormOptions } from '@/server/staff/queries';

export const metadata = { title: 'Uus töötaja' };

export default async function NewStaffPage() {
  const user = await requireUser();
  if (!can(user, 'staff.manage')) notFound();
  const m = await getMessages();
  const locale = await getLocale();
  const options = await staffFormOptions(user, locale);
  return (
    <Card className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{m.staff.newTitle}</h1>
      <StaffForm options={options} />
    </Card>
  );
}
