import type { Messages } from '@/lib/i18n';
import { can, type Actor, type Permission } from '@/server/auth/policy';

type NavItem = { href: string; label: (m: Messages) => string; permission: Permission };

// Navigation shows only what the person's roles may use. Hiding is a courtesy; each
// page and action checks the policy again.
const items: NavItem[] = [
  { href: '/', label: (m) => m.nav.home, permission: 'portal.use' },
  { href: '/ulesanded', label: (m) => m.tasks.nav, permission: 'tasks.read' },
  { href: '/dokumendid', label: (m) => m.register.nav, permission: 'register.read' },
  { href: '/kliendid', label: (m) => m.register.clients.nav, permission: 'clients.read' },
  { href: '/kontrolli', label: (m) => m.issuing.verify.nav, permission: 'documents.verify' },
  { href: '/intsidendid', label: (m) => m.incidents.title, permission: 'incidents.report' },
  { href: '/it-tugi', label: (m) => m.incidents.queueTitle, permission: 'incidents.read_all' },
  { href: '/puudumised', label: (m) => m.absences.nav, permission: 'absences.record' },
  { href: '/ulevaade', label: (m) => m.workload.overview.nav, permission: 'overview.read' },
  { href: '/enammaksed', label: (m) => m.overpayments.nav, permission: 'overpayments.register' },
  { href: '/maksed', label: (m) => m.payments.nav, permission: 'payments.read' },
  { href: '/ettepanekud', label: (m) => m.proposals.nav, permission: 'proposals.submit' },
  { href: '/jaotamine', label: (m) => m.workload.distribution.nav, permission: 'distribution.configure' },
  { href: '/admin/tootajad', label: (m) => m.nav.staff, permission: 'staff.read' },
  { href: '/admin/dokumendiliigid', label: (m) => m.register.config.nav, permission: 'register.configure' },
  { href: '/admin/audit', label: (m) => m.nav.audit, permission: 'audit.read' },
  { href: '/admin/suunamine', label: (m) => m.notifications.rulesTitle, permission: 'incidents.rules' },
  { href: '/admin/valjuvad', label: (m) => m.notifications.outboxTitle, permission: 'outbox.manage' },
  { href: '/admin/toetuseliigid', label: (m) => m.payments.kinds.nav, permission: 'payments.configure' },
  { href: '/admin/mallid', label: (m) => m.templates.nav, permission: 'templates.read' },
];

export function navFor(actor: Actor, m: Messages) {
  return items.filter((item) => can(actor, item.permission)).map((item) => ({ href: item.href, label: item.label(m) }));
}
