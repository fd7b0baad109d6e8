import type { Role } from '@/lib/roles';

// Who may do what: the one table. Every server action and every data function that
// returns personal data asks it (through `authorize`) with the signed-in person loaded
// from the session, never with a role sent by the client. Record-level rules (my team,
// my unit) live beside the query that needs them and start from this table.
export const policy = {
  'portal.use': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  'staff.read': ['admin'],
  'staff.manage': ['admin'],
  'audit.read': ['admin'],
  // Correspondence register. Restricted documents narrow this further in the query
  // (their unit, their assignee, managers, administrators): server/register/visibility.ts.
  'register.read': ['specialist', 'manager', 'admin'],
  'register.write': ['specialist', 'manager'],
  'register.configure': ['admin'],
  // Restricted documents of every unit, not only their own unit's or assigned ones.
  'register.read_restricted': ['manager', 'admin'],
  // Making a restricted document public before its term (its title then shows in the public
  // register): the head of the document's unit, or an administrator (record rule in
  // server/public-register/mutations.ts).
  'register.publish': ['manager', 'admin'],
  // ... of any unit, not only their own.
  'register.publish_any_unit': ['admin'],
  'clients.read': ['specialist', 'manager'],
  // Incidents: anyone reports and follows their own; the record-level scope (own, my
  // region, any) is in server/incidents/scope.ts.
  'incidents.report': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  'incidents.read_region': ['manager'],
  'incidents.read_all': ['it_support'],
  'incidents.work': ['it_support', 'manager'],
  'incidents.rules': ['admin'],
  'notifications.read': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  'outbox.manage': ['admin'],
  'templates.read': ['admin'],
  // Template texts: an administrator writes and submits a version, another one publishes it.
  'templates.edit': ['admin'],
  'templates.publish': ['admin'],
  // Issuing certificates and notices from templates; checking a document the portal issued.
  'documents.issue': ['specialist', 'manager'],
  // Bulk notices from a CSV: the same people, each sees and cancels their own runs, a manager
  // also their team's (server/bulk/visibility.ts).
  'documents.issue_bulk': ['specialist', 'manager'],
  'documents.verify': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  // One-off tasks (duty 3.15): a manager gives them to people of their team (the record
  // rule is server/org/team.ts); anyone may be given one and sees their own, and what they
  // hold for an absent colleague.
  'tasks.read': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  'tasks.create': ['manager'],
  // Absences: everyone records their own; a manager for their team, an administrator for anyone.
  'absences.record': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  'absences.manage': ['manager', 'admin'],
  // Anyone's absences, not only the team's.
  'absences.manage_all': ['admin'],
  'overview.read': ['manager'],
  // Fair distribution of new register documents: an administrator for any unit, a manager for their own.
  'distribution.configure': ['admin', 'manager'],
  'distribution.configure_any_unit': ['admin'],
  // Improvement proposals (duty 3.13): anyone to their manager; the manager answers.
  'proposals.submit': ['specialist', 'manager', 'it_support', 'finance', 'admin'],
  'proposals.answer': ['manager'],
  // Consultation log (duties 3.1, 3.12): specialists and managers record and see their own;
  // a manager counts those recorded in their region (server/consultations/queries.ts);
  // the administrator keeps the topics.
  'consultations.record': ['specialist', 'manager'],
  'consultations.report': ['manager'],
  'consultations.configure': ['admin'],
  // Assessment applications (duty 3.4): taken and exported for the assessment system by
  // the people who register documents; who sees one follows the register's visibility.
  'assessments.intake': ['specialist', 'manager'],
  'assessments.export': ['specialist', 'manager'],
  // Overpayment applications (duty 3.8) are register documents with structured data.
  'overpayments.register': ['specialist', 'manager'],
  // Benefit payments (duty 3.9): a specialist prepares, a different manager approves (four
  // eyes, server/payments/mutations.ts), finance collects approved payments into a batch file.
  // Specialists and managers see their region's cases (server/payments/scope.ts).
  'payments.read': ['specialist', 'manager', 'finance'],
  // Every region's payments, not only the person's own region's.
  'payments.read_all': ['finance'],
  'payments.prepare': ['specialist'],
  'payments.approve': ['manager'],
  'payments.batch': ['finance'],
  'payments.configure': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof policy;

export type Actor = { id: string; personalCode: string; roles: readonly Role[] };

/** The first of the actor's roles that grants the permission, or null. */
export function grantingRole(actor: Pick<Actor, 'roles'>, permission: Permission): Role | null {
  const allowed: readonly Role[] = policy[permission];
  return actor.roles.find((role) => allowed.includes(role)) ?? null;
}

export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  return grantingRole(actor, permission) !== null;
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`forbidden: ${permission}`);
  }
}

/** Throws ForbiddenError unless the actor may; returns the role that allowed it (for the audit row). */
export function authorize(actor: Pick<Actor, 'roles'>, permission: Permission): Role {
  const role = grantingRole(actor, permission);
  if (!role) throw new ForbiddenError(permission);
  return role;
}
