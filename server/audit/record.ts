import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Tx } from '@/server/tx';
import { getDb } from '@/db/client';
import { canonicalJson, chainBody, type ChainedFields } from './chain';

export type AuditEntry = {
  actorCode?: string | null;
  actorRole?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  subjectCode?: string | null;
  purpose?: string | null;
  outcome?: 'success' | 'denied' | 'error';
  requestId?: string | null;
  details?: Record<string, unknown> | null;
};

// One statement (the function audit_append, migration 0013) takes the chain's
// transaction-scoped advisory lock, reads the head, hashes and inserts, so concurrent
// writers of every portal instance append one after another: the chain never forks, and seq
// has no gaps because a rolled-back writer leaves nothing behind. The lock is held from that
// statement to the commit; callers append last, just before committing.
export function appendStatement(entry: AuditEntry): SQL {
  return sql`select ${appendCall(entry)}`;
}

/**
 * The audit_append call alone, to end a statement that writes more. `late` rewrites the
 * canonical JSON texts in the statement itself, for a value that only the statement knows
 * (a registration number allocated in it: server/register/numbering.ts).
 */
export function appendCall(entry: AuditEntry, late?: (json: string) => SQL): SQL {
  const fields: Omit<ChainedFields, 'seq'> = {
    at: new Date(),
    actorCode: entry.actorCode ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    subjectCode: entry.subjectCode ?? null,
    purpose: entry.purpose ?? null,
    outcome: entry.outcome ?? 'success',
    requestId: entry.requestId ?? null,
    details: entry.details ?? null,
  };
  const { before, after } = chainBody(fields);
  const row = JSON.stringify({ ...fields, at: fields.at.toISOString(), details: undefined });
  // The details are stored from the same canonical text that was hashed, so what
  // audit:verify reads back serialises to it again.
  const text = (json: string) => (late ? late(json) : sql`${json}::text`);
  return sql`audit_append(${row}::jsonb, ${text(canonicalJson(fields.details))}::jsonb, ${text(before)}, ${text(after)})`;
}

/** Appends an audit row inside the caller's transaction (with the change it describes). */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(appendStatement(entry));
}

/** Appends an audit row in a transaction of its own (for events with no other write). */
export async function recordAudit(entry: AuditEntry, db?: Db): Promise<void> {
  // One statement on its own is its own transaction: the lock is released at its end.
  const database = db ?? (await getDb());
  await database.execute(appendStatement(entry));
}
