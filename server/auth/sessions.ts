import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { offices, regions, sessions, staff, units } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { officeNameIn } from '@/server/org/office-name';

// The portal's own sessions (TARA has no single sign-out, so ending this session is what
// signs a person out). Idle and absolute limits are enforced here on every lookup:
// next-auth's maxAge is rolling and would keep an active session alive for ever.

export type CurrentUser = {
  id: string;
  personalCode: string;
  givenName: string;
  familyName: string;
  email: string;
  roles: Role[];
  unitCode: string;
  unitName: string;
  officeCode: string | null;
  officeName: string | null;
  regionCode: string;
  regionName: string;
  /** The unit's, office's and region's names in English mode (the office's Estonian one where it has none). */
  namesEn: { unit: string; office: string | null; region: string };
  managerId: string | null;
  sessionStartedAt: Date;
};

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(staffId: string, token: string, maxSeconds: number): Promise<{ expires: Date }> {
  const db = await getDb();
  const now = new Date();
  const expires = new Date(now.getTime() + maxSeconds * 1000);
  await db.insert(sessions).values({ tokenHash: hashSessionToken(token), staffId, createdAt: now, lastSeenAt: now, expiresAt: expires });
  return { expires };
}

export type SessionLimits = { idleSeconds: number; now?: Date };

const TOUCH_INTERVAL_MS = 60_000;

/**
 * The signed-in person behind a session token, or null when the session is unknown,
 * idle too long, past its absolute end, or its person is no longer active. An ended
 * session is deleted so its cookie can never be replayed.
 */
export async function findSessionUser(token: string, limits: SessionLimits): Promise<CurrentUser | null> {
  if (!token) return null;
  const db = await getDb();
  const now = limits.now ?? new Date();
  const tokenHash = hashSessionToken(token);
  const [row] = await db
    .select({
      session: sessions,
      staff,
      unitName: units.nameEt,
      officeName: offices.name,
      regionName: regions.nameEt,
      unitNameEn: units.nameEn,
      officeNameEn: officeNameIn('en'),
      regionNameEn: regions.nameEn,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .innerJoin(units, eq(units.code, staff.unitCode))
    .innerJoin(regions, eq(regions.code, staff.regionCode))
    .leftJoin(offices, eq(offices.code, staff.officeCode))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const idleUntil = row.session.lastSeenAt.getTime() + limits.idleSeconds * 1000;
  if (!row.staff.isActive || row.session.expiresAt <= now || idleUntil <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  // Activity is recorded at most once a minute (or a quarter of a short idle limit): the
  // idle limit is counted in tens of minutes, and a write on every page view was a large
  // part of a page's database work under load (npm run bench:load).
  if (now.getTime() - row.session.lastSeenAt.getTime() >= Math.min(TOUCH_INTERVAL_MS, (limits.idleSeconds * 1000) / 4)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const s = row.staff;
  return {
    id: s.id,
    personalCode: s.personalCode,
    givenName: s.givenName,
    familyName: s.familyName,
    email: s.email,
    roles: s.roles,
    unitCode: s.unitCode,
    unitName: row.unitName,
    officeCode: s.officeCode,
    officeName: row.officeName,
    regionCode: s.regionCode,
    regionName: row.regionName,
    namesEn: { unit: row.unitNameEn, office: row.officeNameEn, region: row.regionNameEn },
    managerId: s.managerId,
    sessionStartedAt: row.session.createdAt,
  };
}

export async function deleteSession(token: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSessionToken(token)));
}

/** Housekeeping: drop sessions that can no longer be used. */
export async function purgeEndedSessions(idleSeconds: number, now = new Date()): Promise<void> {
  const db = await getDb();
  const idleCutoff = new Date(now.getTime() - idleSeconds * 1000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}

export async function countSessions(staffId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.staffId, staffId)));
  return row?.n ?? 0;
}
