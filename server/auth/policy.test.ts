import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/roles';
import { authorize, can, ForbiddenError, grantingRole, policy } from './policy';

describe('policy table', () => {
  it('names only known roles', () => {
    for (const roles of Object.values(policy)) for (const role of roles) expect(ROLES).toContain(role);
  });

  it('lets every role use the portal', () => {
    for (const role of ROLES) expect(can({ roles: [role] }, 'portal.use')).toBe(true);
  });

  it('keeps the staff directory, the audit log and the document templates to administrators', () => {
    for (const permission of ['staff.read', 'staff.manage', 'audit.read', 'templates.read'] as const) {
      for (const role of ROLES) expect(can({ roles: [role] }, permission)).toBe(role === 'admin');
    }
  });

  it('opens the register to those who serve clients, and its configuration to administrators', () => {
    expect(ROLES.filter((r) => can({ roles: [r] }, 'register.read'))).toEqual(['specialist', 'manager', 'admin']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'register.write'))).toEqual(['specialist', 'manager']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'register.configure'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'clients.read'))).toEqual(['specialist', 'manager']);
  });

  it('lets those who serve clients issue documents, and every role check one', () => {
    expect(ROLES.filter((r) => can({ roles: [r] }, 'documents.issue'))).toEqual(['specialist', 'manager']);
    for (const role of ROLES) expect(can({ roles: [role] }, 'documents.verify')).toBe(true);
  });

  it('lets managers give tasks, see their team’s overview and answer proposals; everyone receives tasks and proposes', () => {
    expect(ROLES.filter((r) => can({ roles: [r] }, 'tasks.create'))).toEqual(['manager']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'overview.read'))).toEqual(['manager']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'proposals.answer'))).toEqual(['manager']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'absences.manage'))).toEqual(['manager', 'admin']);
    // The wider record scopes that the queries ask for instead of checking a role by hand.
    expect(ROLES.filter((r) => can({ roles: [r] }, 'register.read_restricted'))).toEqual(['manager', 'admin']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'absences.manage_all'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'distribution.configure_any_unit'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can({ roles: [r] }, 'payments.read_all'))).toEqual(['finance']);
    for (const permission of ['tasks.read', 'absences.record', 'proposals.submit'] as const) {
      for (const role of ROLES) expect(can({ roles: [role] }, permission)).toBe(true);
    }
  });

  it('refuses a person with no roles everything', () => {
    for (const permission of Object.keys(policy) as (keyof typeof policy)[]) expect(can({ roles: [] }, permission)).toBe(false);
  });

  it('returns the granting role for the audit row and throws otherwise', () => {
    expect(grantingRole({ roles: ['specialist', 'admin'] }, 'staff.manage')).toBe('admin');
    expect(authorize({ roles: ['manager', 'admin'] }, 'staff.manage')).toBe('admin');
    expect(() => authorize({ roles: ['specialist', 'manager'] }, 'staff.manage')).toThrow(ForbiddenError);
  });
});
