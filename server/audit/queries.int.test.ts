import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/roles';
import { ForbiddenError } from '@/server/auth/policy';
import { setupTestDatabase } from '@/test/db';
import { searchAudit, verifyAuditTrail } from './queries';
import { recordAudit } from './record';

setupTestDatabase();
const ctx = { requestId: 'test' };
const admin = { id: 'a', personalCode: '37906062915', roles: ['admin' as const] };

describe('audit log for administrators', () => {
  it.each(ROLES.filter((r) => r !== 'admin'))('refuses %s', async (role) => {
    const actor = { ...admin, roles: [role] };
    await expect(searchAudit(actor, {}, ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(verifyAuditTrail(actor)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('finds a person’s rows as actor or client, newest first, and records the search itself', async () => {
    await recordAudit({ action: 'client.view', actorCode: '47805122004', actorRole: 'specialist', subjectCode: '60001019906', purpose: 'avaldus 2-1/15' });
    await recordAudit({ action: 'staff.update', actorCode: '37906062915', actorRole: 'admin', subjectCode: '47805122004' });
    await recordAudit({ action: 'other', actorCode: '38001085718' });
    const rows = await searchAudit(admin, { personalCode: '47805122004' }, ctx);
    expect(rows.map((r) => r.action)).toEqual(['staff.update', 'client.view']);
    expect(rows[0]).not.toHaveProperty('hash');
    const searches = await searchAudit(admin, { personalCode: '37906062915' }, ctx);
    expect(searches[0]).toMatchObject({ action: 'audit.search', subjectCode: '47805122004', actorRole: 'admin' });
    expect(await verifyAuditTrail(admin)).toEqual({ ok: true, rows: 5 });
  });
});
