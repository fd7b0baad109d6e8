import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { seedDemo } from '@/db/seed/seed';
import { createSession, newSessionToken } from '@/server/auth/sessions';
import { loadPeople, type People } from './tasks';

// Calling server actions as a browser posts them: the session cookie names the person, never
// the request body. A test file mocks Next's request APIs with these (vi.mock is per file):
//   vi.mock('next/headers', async () => (await import('@/test/actions')).nextHeaders);
//   vi.mock('next/cache', async () => (await import('@/test/actions')).nextCache);
const session = { token: '' };

export const nextHeaders = {
  cookies: async () => ({ get: (name: string) => (name === 'toolaud.session' && session.token ? { value: session.token } : undefined) }),
  headers: async () => new Headers({ 'x-request-id': 'action-test' }),
};
export const nextCache = { revalidatePath: () => {} };

/** The auth settings the actions need, the demo data and its people, for one test file. */
export function actionTestSetup(d: () => Db): { people: People; signInAs(who: { id: string }): Promise<void> } {
  const people = {} as People;
  const saved = { ...process.env };
  beforeAll(async () => {
    Object.assign(process.env, {
      AUTH_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
      OIDC_ISSUER: 'http://localhost:1',
      OIDC_ALLOW_DEV_ISSUER: 'true',
      OIDC_CLIENT_ID: 'test',
      OIDC_CLIENT_SECRET: 'test',
      NEXTAUTH_URL: 'http://localhost:3000',
    });
    await seedDemo(d());
    Object.assign(people, await loadPeople(d()));
  });
  afterAll(() => {
    process.env = { ...saved };
  });
  return {
    people,
    async signInAs(who) {
      session.token = newSessionToken();
      await createSession(who.id, session.token, 3600);
    },
  };
}
