import 'server-only';
import { headers } from 'next/headers';
import { clientIpFrom } from '@/server/ops/client-ip';
import { hitRateLimit, type LimitResult } from '@/server/ops/rate-limit';
import { isSearch, type PublicFilters } from './queries';

/**
 * A search of the public register (any filter, or a page after the first) counts against the
 * `search` limit of the visitor's address; browsing the newest entries and entry pages do
 * not (nginx serves them from its cache).
 */
export async function limitPublicSearch(f: PublicFilters): Promise<LimitResult> {
  if (!isSearch(f)) return { ok: true };
  return hitRateLimit('search', { ip: clientIpFrom(await headers()) });
}

/** The marker a limited page carries: the launcher (scripts/start.mjs) answers it 429, never cached. */
export const LIMITED_MARKER = 'data-toolaud-limited';
/** The marker of a page whose search ran past its time limit: answered 503, never cached. */
export const BUSY_MARKER = 'data-toolaud-busy';
