import { describe, expect, it } from 'vitest';
import { readAuthConfig, sessionCookieName } from './config';

const good = {
  AUTH_SECRET: 'x'.repeat(32),
  OIDC_ISSUER: 'https://tara-test.ria.ee',
  OIDC_CLIENT_ID: 'toolaud',
  OIDC_CLIENT_SECRET: 'secret',
  NEXTAUTH_URL: 'https://toolaud.example.ee',
} as unknown as NodeJS.ProcessEnv;

describe('authentication configuration', () => {
  it('accepts a complete TARA configuration with safe defaults', () => {
    const status = readAuthConfig(good);
    expect(status).toMatchObject({
      ok: true,
      config: { scope: 'openid idcard', requiredAmr: 'idcard', idleSeconds: 1800, maxSeconds: 43200, secureCookies: true, isDevIssuer: false },
    });
  });

  it.each(['AUTH_SECRET', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'NEXTAUTH_URL'])('fails closed without %s', (name) => {
    const status = readAuthConfig({ ...good, [name]: undefined });
    expect(status.ok).toBe(false);
  });

  it('refuses a short secret', () => {
    expect(readAuthConfig({ ...good, AUTH_SECRET: 'short' }).ok).toBe(false);
  });

  it('trusts a plain-http issuer (the development provider) only when told to', () => {
    expect(readAuthConfig({ ...good, OIDC_ISSUER: 'http://localhost:3001' }).ok).toBe(false);
    expect(readAuthConfig({ ...good, OIDC_ISSUER: 'http://localhost:3001', OIDC_ALLOW_DEV_ISSUER: 'true' })).toMatchObject({
      ok: true,
      config: { isDevIssuer: true },
    });
  });

  it('uses secure, prefixed cookies over https only', () => {
    expect(readAuthConfig({ ...good, NEXTAUTH_URL: 'http://localhost:3000' })).toMatchObject({ config: { secureCookies: false } });
    expect(sessionCookieName(true)).toBe('__Secure-toolaud.session');
    expect(sessionCookieName(false)).toBe('toolaud.session');
  });
});
