import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions, staff } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { setupTestDatabase } from '@/test/db';
import { createSession, findSessionUser, hashSessionToken, newSessionToken } from './sessions';

const db = setupTestDatabase();
let staffId: string;

beforeAll(async () => {
  await seedDemo(db.handle().db);
  const [row] = await db.handle().db.select().from(staff).where(eq(staff.personalCode, '47805122004'));
  staffId = row!.id;
});

const minutes = (n: number) => n * 60_000;

describe('sessions', () => {
  it('stores only a hash of the token', async () => {
    const token = newSessionToken();
    await createSession(staffId, token, 3600);
    const rows = await db.handle().db.select().from(sessions).where(eq(sessions.staffId, staffId));
    expect(rows.some((r) => r.tokenHash === hashSessionToken(token))).toBe(true);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it('returns the person with their organisation for a live session', async () => {
    const token = newSessionToken();
    await createSession(staffId, token, 3600);
    expect(await findSessionUser(token, { idleSeconds: 1800 })).toMatchObject({
      personalCode: '47805122004',
      givenName: 'Mari',
      unitName: 'Klienditeeninduse osakond',
      regionName: 'Põhja',
      roles: ['specialist'],
    });
  });

  it('ends after the idle limit, and activity within it keeps it alive', async () => {
    const token = newSessionToken();
    await createSession(staffId, token, 12 * 3600);
    const t0 = Date.now();
    expect(await findSessionUser(token, { idleSeconds: 1800, now: new Date(t0 + minutes(20)) })).not.toBeNull();
    expect(await findSessionUser(token, { idleSeconds: 1800, now: new Date(t0 + minutes(45)) })).not.toBeNull();
    expect(await findSessionUser(token, { idleSeconds: 1800, now: new Date(t0 + minutes(80)) })).toBeNull();
    // Once ended it stays ended (the row is gone), even "back in time".
    expect(await findSessionUser(token, { idleSeconds: 1800, now: new Date(t0 + minutes(1)) })).toBeNull();
  });

  it('ends at the absolute limit however active the person is', async () => {
    const token = newSessionToken();
    await createSession(staffId, token, 12 * 3600);
    const t0 = Date.now();
    for (let m = 25; m < 12 * 60; m += 25) {
      expect(await findSessionUser(token, { idleSeconds: 1800, now: new Date(t0 + minutes(m)) })).not.toBeNull();
    }
    expect(await findSessionUser(token, { idleSeconds: 1800, now: new Date(t0 + minutes(12 * 60 + 1)) })).toBeNull();
  });

  it('refuses unknown and empty tokens', async () => {
    expect(await findSessionUser('', { idleSeconds: 1800 })).toBeNull();
    expect(await findSessionUser(newSessionToken(), { idleSeconds: 1800 })).toBeNull();
  });
});
