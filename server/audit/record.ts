import { desc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { GENESIS_HASH, rowHash, type ChainedFields } from './chain';

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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// All writers take this transaction-scoped lock before reading the chain's head, so
// concurrent writers (and several portal instances) append one after another: the chain
// never forks, and seq has no gaps because a rolled-back writer leaves nothing behind.
const CHAIN_LOCK = sql`select pg_advisory_xact_lock(7402001)`;

/** Appends an audit row inside the caller's transaction (with the change it describes). */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(CHAIN_LOCK);
  const [head] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const fields: ChainedFields = {
    seq: (head?.seq ?? 0) + 1,
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
  const prevHash = head?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: rowHash(prevHash, fields) });
}

/** Appends an audit row in a transaction of its own (for events with no other write). */
export async function recordAudit(entry: AuditEntry, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.transaction((tx) => appendAudit(tx, entry));
}
