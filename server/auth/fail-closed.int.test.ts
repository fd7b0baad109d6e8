import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staff } from '@/db/schema';
import { runAction } from '@/server/action';
import { staffInputSchema } from '@/lib/staff-schema';
import { setupTestDatabase } from '@/test/db';
import { getCurrentUser } from './current-user';

const db = setupTestDatabase();
const saved = { ...process.env };

beforeEach(() => {
  // A broken deployment: the issuer is missing and the secret is too short.
  delete process.env.OIDC_ISSUER;
  process.env.AUTH_SECRET = 'tiny-secret-value';
});
afterEach(() => {
  process.env = { ...saved };
});

describe('a broken auth configuration fails closed', () => {
  it('nobody is signed in, and actions refuse without writing', async () => {
    expect(await getCurrentUser()).toBeNull();
    let ran = false;
    const result = await runAction('staff.create', staffInputSchema, {}, async () => {
      ran = true;
    });
    expect(result).toEqual({ ok: false, formError: 'auth.sessionEnded' });
    expect(ran).toBe(false);
    const [row] = await db
      .handle()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(staff);
    expect(row!.n).toBe(0);
  });
});
