import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { authorize, type Actor } from '@/server/auth/policy';
import { recordAudit } from './record';
import { verifyAuditChain, type VerifyResult } from './verify';

export type AuditFilter = { personalCode?: string; before?: number; limit?: number };

/**
 * The audit trail for administrators, newest first: by a person's code (as the actor or
 * as the client whose data was seen). Searching for a person is itself recorded.
 */
export async function searchAudit(actor: Actor, filter: AuditFilter, ctx: { requestId: string }) {
  const role = authorize(actor, 'audit.read');
  const db = await getDb();
  const conditions: SQL[] = [];
  const code = filter.personalCode?.trim();
  if (code) conditions.push(or(eq(auditLog.subjectCode, code), eq(auditLog.actorCode, code))!);
  if (filter.before) conditions.push(lt(auditLog.seq, filter.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(Math.min(filter.limit ?? 100, 500));
  if (code) {
    await recordAudit(
      {
        actorCode: actor.personalCode,
        actorRole: role,
        action: 'audit.search',
        subjectCode: code,
        purpose: 'auditilogi päring',
        requestId: ctx.requestId,
      },
      db,
    );
  }
  return rows.map(({ prevHash: _p, hash: _h, ...row }) => row);
}

export async function verifyAuditTrail(actor: Actor): Promise<VerifyResult> {
  authorize(actor, 'audit.read');
  return verifyAuditChain(await getDb());
}
