import type { Role } from '@/lib/roles';
import { DomainError } from '@/server/errors';
import { recordAudit } from './record';

// Refusals of one record are audited as `denied`, as role refusals are (server/action.ts): who,
// which action, which record, and for personal data whose. The person refused is told no more
// than before: a record they may not see answers exactly as a missing one ("not found"); only
// the audit trail knows the difference.

export type RefusedRecord = {
  entityType: string;
  entityId: string;
  /** The client's personal code when the record is personal data. */
  subjectCode?: string | null;
  /** Why: 'out_of_scope' (another unit's, region's or person's), 'own_payment', … */
  reason: string;
};

/** A refusal of one record: answered with `code` (by default "not found"), audited as denied. */
export class RecordRefused extends DomainError {
  /** Set once the refusal has its audit row (runAction audits those that have none yet). */
  audited = false;

  constructor(
    readonly record: RefusedRecord,
    code = 'errors.notFound',
  ) {
    super(code);
  }
}

type Refused = { personalCode: string; roles: readonly Role[] };

/** Writes the `denied` row on its own connection (any transaction of the refused work has ended). */
export async function auditRefusal(actor: Refused, action: string, record: RefusedRecord, requestId: string): Promise<void> {
  await recordAudit({
    actorCode: actor.personalCode,
    actorRole: actor.roles.join(','),
    action,
    entityType: record.entityType,
    entityId: record.entityId,
    subjectCode: record.subjectCode ?? null,
    outcome: 'denied',
    requestId,
    details: { reason: record.reason },
  });
}

/**
 * Runs a domain function's work (its transaction) and audits a record refusal thrown in it once
 * the transaction has rolled back, then throws it on to the caller unchanged.
 */
export async function auditingRefusals<T>(actor: Refused, action: string, requestId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RecordRefused && !error.audited) {
      await auditRefusal(actor, action, error.record, requestId);
      error.audited = true;
    }
    throw error;
  }
}
