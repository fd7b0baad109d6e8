import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { readAuthConfig, sessionCookieName } from './config';
import { findSessionUser, type CurrentUser } from './sessions';

/** The signed-in person for this request (looked up once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const status = readAuthConfig();
  if (!status.ok) return null; // fail closed: a broken configuration lets nobody in
  const token = (await cookies()).get(sessionCookieName(status.config.secureCookies))?.value;
  if (!token) return null;
  return findSessionUser(token, { idleSeconds: status.config.idleSeconds });
});

/** For pages and actions that need a signed-in person: anyone else goes to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sisene');
  return user;
}

export async function currentSessionToken(): Promise<string | null> {
  const status = readAuthConfig();
  if (!status.ok) return null;
  return (await cookies()).get(sessionCookieName(status.config.secureCookies))?.value ?? null;
}

export const getRequestId = cache(async (): Promise<string> => {
  const h = await headers();
  return h.get('x-request-id') ?? crypto.randomUUID();
});
