import { and, eq } from 'drizzle-orm';
import type { AuthOptions } from 'next-auth';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { staff } from '@/db/schema';
import { recordAudit } from '@/server/audit/record';
import type { AuthConfig } from './config';
import { sessionCookieName } from './config';
import { discover } from './discovery';
import { IdTokenError, issuerJwks, verifyTaraIdToken } from './id-token';
import { createSession, deleteSession, findSessionUser } from './sessions';
import { personMaySignIn, SIGN_IN_LIMITED_PATH } from './sign-in-limit';
import { log } from '@/server/observability/log';
import { sameOriginUrl } from '@/lib/same-origin-path';

export const PROVIDER_ID = 'oidc';

async function findActiveStaffBySub(sub: string) {
  const personalCode = sub.replace(/^EE/, '');
  const db = await getDb();
  const [person] = await db
    .select()
    .from(staff)
    .where(and(eq(staff.personalCode, personalCode), eq(staff.isActive, true)))
    .limit(1);
  return person ?? null;
}

const asAdapterUser = (person: { id: string; email: string; givenName: string; familyName: string }): AdapterUser => ({
  id: person.id,
  email: person.email,
  emailVerified: null,
  name: `${person.givenName} ${person.familyName}`,
});

// Only the methods a sign-in with an existing staff member needs. Staff are created by
// an administrator, never by signing in: createUser refuses.
function staffAdapter(config: AuthConfig): Adapter {
  return {
    async getUserByAccount({ providerAccountId }) {
      const person = await findActiveStaffBySub(providerAccountId);
      return person && asAdapterUser(person);
    },
    async getUser(id) {
      const db = await getDb();
      const [person] = await db
        .select()
        .from(staff)
        .where(and(eq(staff.id, id), eq(staff.isActive, true)))
        .limit(1);
      return person ? asAdapterUser(person) : null;
    },
    async getUserByEmail() {
      return null;
    },
    async createUser() {
      throw new Error('Staff are created in the staff directory, not by signing in');
    },
    async linkAccount() {},
    async createSession({ sessionToken, userId }) {
      const { expires } = await createSession(userId, sessionToken, config.maxSeconds);
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const user = await findSessionUser(sessionToken, { idleSeconds: config.idleSeconds });
      if (!user) return null;
      return {
        session: { sessionToken, userId: user.id, expires: new Date(Date.now() + config.idleSeconds * 1000) },
        user: asAdapterUser(user),
      };
    },
    async updateSession() {
      return null;
    },
    async deleteSession(sessionToken) {
      await deleteSession(sessionToken);
    },
  };
}

// The nonce next-auth sent, read back from its own (encrypted, name-salted) cookie so our
// check of the ID token does not rest on the library alone.
async function sentNonce(config: AuthConfig): Promise<string | undefined> {
  const name = `${config.secureCookies ? '__Secure-' : ''}next-auth.nonce`;
  const raw = (await cookies()).get(name)?.value;
  if (!raw) return undefined;
  const decoded = await decode({ token: raw, secret: config.secret, salt: name });
  return typeof decoded?.value === 'string' && decoded.provider === PROVIDER_ID ? decoded.value : undefined;
}

export async function buildAuthOptions(config: AuthConfig, requestId: string): Promise<AuthOptions> {
  const discovery = await discover(config.issuer);
  const supportsPkce = discovery.code_challenge_methods_supported?.includes('S256') ?? false;
  return {
    secret: config.secret,
    adapter: staffAdapter(config),
    session: { strategy: 'database', maxAge: config.maxSeconds, updateAge: config.maxSeconds },
    useSecureCookies: config.secureCookies,
    cookies: {
      sessionToken: {
        name: sessionCookieName(config.secureCookies),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies },
      },
    },
    pages: { signIn: '/sisene', error: '/sisene', signOut: '/sisene' },
    providers: [
      {
        id: PROVIDER_ID,
        name: 'ID-kaart',
        type: 'oauth',
        wellKnown: `${config.issuer}/.well-known/openid-configuration`,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        client: { token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'RS256' },
        authorization: { params: { scope: config.scope, ui_locales: 'et' } },
        // TARA: state is required, nonce is checked when sent, PKCE only where offered.
        checks: supportsPkce ? ['state', 'nonce', 'pkce'] : ['state', 'nonce'],
        idToken: true,
        profile(claims) {
          const attrs = (claims.profile_attributes ?? {}) as { given_name?: string; family_name?: string };
          return { id: String(claims.sub), name: [attrs.given_name, attrs.family_name].filter(Boolean).join(' ') };
        },
      },
    ],
    callbacks: {
      // callbackUrl comes from the browser: only back to a page of the portal.
      redirect: ({ url, baseUrl }) => sameOriginUrl(url, baseUrl),
      async signIn({ account }) {
        const idToken = account?.id_token;
        if (!idToken) return '/keelatud?pohjus=token';
        let claims;
        try {
          claims = await verifyTaraIdToken(idToken, {
            issuer: discovery.issuer,
            clientId: config.clientId,
            keys: issuerJwks(discovery.jwks_uri),
            requiredAmr: config.requiredAmr,
            // No readable nonce cookie means no match: refuse rather than skip the check.
            expectedNonce: (await sentNonce(config)) ?? '',
          });
        } catch (error) {
          const reason = error instanceof IdTokenError ? error.reason : 'invalid';
          await recordAudit({ action: 'auth.token_refused', outcome: 'denied', requestId, details: { reason } });
          return '/keelatud?pohjus=token';
        }
        await recordAudit({
          action: 'auth.token',
          actorCode: claims.personalCode,
          requestId,
          details: { sub: claims.sub, amr: claims.amr, acr: claims.acr, issuer: discovery.issuer },
        });
        if (!(await personMaySignIn(claims.personalCode, requestId))) return SIGN_IN_LIMITED_PATH;
        const person = claims.country === 'EE' ? await findActiveStaffBySub(claims.sub) : null;
        if (!person) {
          await recordAudit({
            action: 'auth.signin_refused',
            actorCode: claims.personalCode,
            outcome: 'denied',
            requestId,
            details: { reason: 'not-in-staff-directory', name: `${claims.givenName} ${claims.familyName}` },
          });
          return '/keelatud';
        }
        await recordAudit({
          action: 'auth.signin',
          actorCode: person.personalCode,
          actorRole: person.roles.join(','),
          entityType: 'staff',
          entityId: person.id,
          requestId,
        });
        return true;
      },
    },
    logger: {
      // next-auth's own errors, without its metadata (which can hold tokens).
      error: (code) => log('next-auth').error({ code }),
      warn: (code) => log('next-auth').warn({ code }),
      debug: () => {},
    },
  };
}
