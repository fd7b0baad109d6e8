import { cache } from 'react';
import { getDb } from '@/db/client';
import { heldFor } from './substitution';

/**
 * `heldFor(db, staffId)` for now, looked up once per request: the portal's layout (the
 * "substituting for" line) and the page under it (the desk, "my documents") both need it,
 * and each lookup reads the day's absences. Outside a request (scripts, tests) every call
 * reads afresh. Reads only: mutations call `heldFor` inside their own transaction.
 */
export const heldForNow = cache(async (staffId: string): Promise<string[]> => heldFor(await getDb(), staffId));
