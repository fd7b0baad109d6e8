import type { Nav } from '@/components/shell/header';
import type { Messages } from '@/lib/i18n';
import { can, type Actor, type Permission } from '@/server/auth/policy';

export type NavGroup = 'more' | 'team' | 'admin';
type NavItem = { href: string; label: (m: Messages) => string; permission: Permission; group?: NavGroup };

// Navigation shows only what the person's roles may use. Hiding is a courtesy; each
// page and action checks the policy again. Daily work stays in the bar; occasional pages,
// managing a team and administering the portal sit in one menu each, so the bar stays one
// line for every role.
const items: NavItem[] = [
  { href: '/', label: (m) => m.nav.home, permission: 'portal.use' },
  { href: '/kliendid', label: (m) => m.register.clients.nav, permission: 'clients.read' },
  { href: '/dokumendid', label: (m) => m.register.nav, permission: 'register.read' },
  { href: '/ulesanded', label: (m) => m.tasks.nav, permission: 'tasks.read' },
  { href: '/noustamised', label: (m) => m.consultations.nav, permission: 'consultations.record' },
  { href: '/maksed', label: (m) => m.payments.nav, permission: 'payments.read' },
  { href: '/intsidendid', label: (m) => m.incidents.title, permission: 'incidents.report' },
  { href: '/it-tugi', label: (m) => m.incidents.queueTitle, permission: 'incidents.read_all' },
  { href: '/kontrolli', label: (m) => m.issuing.verify.nav, permission: 'documents.verify', group: 'more' },
  { href: '/puudumised', label: (m) => m.absences.nav, permission: 'absences.record', group: 'more' },
  { href: '/ettepanekud', label: (m) => m.proposals.nav, permission: 'proposals.submit', group: 'more' },
  { href: '/ulevaade', label: (m) => m.workload.overview.nav, permission: 'overview.read', group: 'team' },
  { href: '/noustamised/statistika', label: (m) => m.consultations.stats.nav, permission: 'consultations.report', group: 'team' },
  { href: '/jaotamine', label: (m) => m.workload.distribution.nav, permission: 'distribution.configure', group: 'team' },
  { href: '/admin/tootajad', label: (m) => m.nav.staff, permission: 'staff.read', group: 'admin' },
  { href: '/admin/dokumendiliigid', label: (m) => m.register.config.nav, permission: 'register.configure', group: 'admin' },
  { href: '/admin/mallid', label: (m) => m.templates.nav, permission: 'templates.read', group: 'admin' },
  { href: '/admin/noustamise-teemad', label: (m) => m.consultations.topics.nav, permission: 'consultations.configure', group: 'admin' },
  { href: '/admin/toetuseliigid', label: (m) => m.payments.kinds.nav, permission: 'payments.configure', group: 'admin' },
  { href: '/admin/suunamine', label: (m) => m.notifications.rulesTitle, permission: 'incidents.rules', group: 'admin' },
  { href: '/admin/prioriteedid', label: (m) => m.incidents.matrixTitle, permission: 'incidents.rules', group: 'admin' },
  { href: '/admin/valjuvad', label: (m) => m.notifications.outboxTitle, permission: 'outbox.manage', group: 'admin' },
  { href: '/admin/audit', label: (m) => m.nav.audit, permission: 'audit.read', group: 'admin' },
];

export function navFor(actor: Actor, m: Messages): Nav {
  const allowed = items.filter((item) => can(actor, item.permission));
  const link = (item: NavItem) => ({ href: item.href, label: item.label(m) });
  const groups = (['more', 'team', 'admin'] as const)
    .map((id) => ({ id, label: m.nav.groups[id], links: allowed.filter((item) => item.group === id).map(link) }))
    .filter((g) => g.links.length > 0);
  return { main: allowed.filter((item) => !item.group).map(link), groups };
}
