import { createHash } from 'node:crypto';

// The hash chain of the audit trail, shared by the writer and `audit:verify`.

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  seq: number;
  at: Date;
  actorCode: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  subjectCode: string | null;
  purpose: string | null;
  outcome: string;
  requestId: string | null;
  details: Record<string, unknown> | null;
};

/** JSON with object keys sorted at every depth, so jsonb's own key order cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A row's canonical JSON split around its `seq` value: `before + seq + after` is
 * `canonicalJson` of the whole row. The writer sends the two halves to the database, which
 * learns `seq` and the previous hash under the chain lock and hashes there
 * (`audit_append`, migration 0013), so the lock is held for one statement.
 */
export function chainBody(row: Omit<ChainedFields, 'seq'>): { before: string; after: string } {
  const entries = Object.entries({ ...row, at: row.at.toISOString(), seq: 0 } as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, `${JSON.stringify(k)}:${k === 'seq' ? '' : canonicalJson(v)}`] as const);
  const at = entries.findIndex(([k]) => k === 'seq');
  const parts = entries.map(([, part]) => part);
  return { before: `{${parts.slice(0, at + 1).join(',')}`, after: `${at + 1 < parts.length ? ',' : ''}${parts.slice(at + 1).join(',')}}` };
}

export function rowHash(prevHash: string, row: ChainedFields): string {
  const { before, after } = chainBody(row);
  return createHash('sha256').update(prevHash).update('\n').update(`${before}${row.seq}${after}`).digest('hex');
}
