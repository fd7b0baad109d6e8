import Link from 'next/link';
import { DeskList } from '@/components/desk/desk-list';
import { Card } from '@/components/ui/card';
import { fill } from '@/lib/i18n';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { myDesk } from '@/server/desk/queries';
import { getLocale, getMessages } from '@/server/i18n';

export default async function HomePage() {
  const user = await requireUser();
  const m = await getMessages();
  const en = (await getLocale()) === 'en';
  const desk = await myDesk(user, await getLocale());
  const areas = [
    { href: '/ulesanded', title: m.tasks.title, text: m.tasks.lead, show: can(user, 'tasks.read') },
    { href: '/dokumendid?vaade=minu', title: m.register.views.mine, text: m.register.newLead, show: can(user, 'register.write') },
    { href: '/dokumendid', title: m.register.title, text: m.register.views.all, show: can(user, 'register.read') },
    { href: '/kliendid', title: m.register.clients.title, text: m.register.clients.purposeHint, show: can(user, 'clients.read') },
    { href: '/admin/dokumendiliigid', title: m.register.config.title, text: m.register.config.lead, show: can(user, 'register.configure') },
    { href: '/intsidendid', title: m.incidents.title, text: m.incidents.lead, show: can(user, 'incidents.report') },
    { href: '/it-tugi', title: m.incidents.queueTitle, text: m.incidents.queueLead, show: can(user, 'incidents.read_all') },
    { href: '/admin/tootajad', title: m.home.staffCard, text: m.home.staffCardText, show: can(user, 'staff.read') },
    { href: '/admin/audit', title: m.home.auditCard, text: m.home.auditCardText, show: can(user, 'audit.read') },
  ].filter((a) => a.show);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{m.home.title}</h1>
        <p className="mt-1 text-lg">{fill(m.home.greeting, { name: `${user.givenName} ${user.familyName}` })}</p>
        <p className="text-slate-700">{fill(m.home.sessionInfo, { roles: user.roles.map((r) => m.roles[r]).join(', ') })}</p>
      </div>
      <section className="flex flex-col gap-3" aria-labelledby="waiting">
        <div>
          <h2 id="waiting" className="text-xl font-semibold">
            {m.desk.waiting}
          </h2>
          <p className="text-sm text-slate-700">{m.desk.waitingLead}</p>
        </div>
        {desk.length ? <DeskList m={m} rows={desk} caption={m.desk.waiting} /> : <p>{m.desk.none}</p>}
      </section>
      <div className="grid gap-6 md:grid-cols-3">
        <Card className="md:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{m.home.areas}</h2>
          {areas.length ? (
            <ul className="grid gap-3 sm:grid-cols-2">
              {areas.map((a) => (
                <li key={a.href}>
                  <Link href={a.href} className="block rounded-md border border-slate-200 p-4 hover:border-brand-600 hover:bg-brand-50">
                    <span className="font-medium text-brand-700">{a.title}</span>
                    <span className="mt-1 block text-sm text-slate-700">{a.text}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{m.home.noAreas}</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{m.home.profile}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{m.home.unit}</dt>
            <dd>{en ? user.namesEn.unit : user.unitName}</dd>
            <dt className="text-slate-600">{m.home.office}</dt>
            <dd>{(en ? user.namesEn.office : user.officeName) ?? '—'}</dd>
            <dt className="text-slate-600">{m.home.region}</dt>
            <dd>{en ? user.namesEn.region : user.regionName}</dd>
          </dl>
        </Card>
      </div>
    </div>
  );
}
