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

export function rowHash(prevHash: string, row: ChainedFields): string {
  const body = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
