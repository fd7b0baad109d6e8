import { versionOf, type Versioned } from '@/lib/record-version';
import { DomainError } from '@/server/errors';

/**
 * The one rule for decisions on a record another person can change: call it on the row as
 * locked (SELECT … FOR UPDATE) in the deciding transaction, with the version the decider's page
 * showed. A changed record is refused with "changed since you opened it, look again" before
 * anything is written.
 */
export function assertUnchanged(row: Versioned, seen: string): void {
  if (versionOf(row) !== seen.trim()) throw new DomainError('errors.stale');
}
