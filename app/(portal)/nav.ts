import type { Messages } from '@/lib/i18n';
import { can, type Actor, type Permission } from '@/server/auth/policy';

type NavItem = { href: string; label: (m: Messages) => string; permission: Permission };

// Navigation shows only what the person's roles may use. Hiding is a courtesy; each
// page and action checks the policy again.
const items: NavItem[] = [
  { href: '/', label: (m) => m.nav.home, permission: 'portal.use' },
  { href: '/admin/tootajad', label: (m) => m.nav.staff, permission: 'staff.read' },
  { href: '/admin/audit', label: (m) => m.nav.audit, permission: 'audit.read' },
  { href: '/admin/mallid', label: (m) => m.templates.nav, permission: 'templates.read' },
];

export function navFor(actor: Actor, m: Messages) {
  return items.filter((item) => can(actor, item.permission)).map((item) => ({ href: item.href, label: item.label(m) }));
}
