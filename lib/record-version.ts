import { z } from 'zod';

// A decision is made on what a page showed. The page sends the version of the record it
// showed (`versionOf`) with the decision, and the domain function refuses the decision when
// the record has changed since (server/record-version.ts: `assertUnchanged`), so nobody
// approves, returns or answers data they have not seen. Records that several people decide
// on carry a `version` column the database raises on every UPDATE; the staff register's
// rows are versioned by their `updated_at`.

export type Versioned = { version: number } | { updatedAt: Date };

/** The version a page shows of a record and sends back with a decision on it. */
export function versionOf(row: Versioned): string {
  return 'version' in row ? String(row.version) : row.updatedAt.toISOString();
}

/** The version field of a decision's form: always sent; a form without it is refused as stale. */
export const seenVersion = z.string('errors.stale').trim().min(1, 'errors.stale').max(40, 'errors.stale');
