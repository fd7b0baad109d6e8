import { describe, expect, it } from 'vitest';
import { checkPortalConfig, checkWorkerConfig, reportConfig } from './production-config';

const production = {
  DATABASE_URL: 'postgres://toolaud@db.internal/toolaud',
  NEXTAUTH_URL: 'https://toolaud.sotsiaalkindlustusamet.ee',
  AUTH_SECRET: 'a'.repeat(44),
  OIDC_ISSUER: 'https://tara-test.ria.ee',
  OIDC_CLIENT_ID: 'toolaud',
  OIDC_CLIENT_SECRET: 'secret-from-ria',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  PAYMENTS_DEBTOR_IBAN: 'EE38 2200 2210 2014 5685',
  PORTAL_ORIGIN: 'toolaud.sotsiaalkindlustusamet.ee',
  SMTP_URL: 'smtp://relay.internal:587',
};

describe('start-up configuration checks', () => {
  it('accept a complete production configuration', () => {
    expect(checkPortalConfig(production).problems).toEqual([]);
    expect(checkWorkerConfig(production).problems).toEqual([]);
  });

  it('refuse the development identity provider in production, naming the variable', () => {
    const env = { ...production, OIDC_ALLOW_DEV_ISSUER: 'true', OIDC_ISSUER: 'http://localhost:3001' };
    const lines: string[] = [];
    expect(reportConfig('The portal', checkPortalConfig(env), (l) => lines.push(l))).toBe(false);
    expect(lines.join('\n')).toMatch(/OIDC_ALLOW_DEV_ISSUER/);
    expect(checkWorkerConfig(env).problems.join('\n')).toMatch(/OIDC_ALLOW_DEV_ISSUER/);
  });

  it('name each missing setting, and never print a secret', () => {
    const portal = checkPortalConfig({ AUTH_SECRET: 'short-secret-value' }).problems.join('\n');
    for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'NEXTAUTH_URL', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'])
      expect(portal).toContain(name);
    expect(portal).not.toContain('short-secret-value');
    const worker = checkWorkerConfig({}).problems.join('\n');
    for (const name of ['DATABASE_URL', 'SMTP_URL', 'PORTAL_URL']) expect(worker).toContain(name);
  });

  it('allow only the portal’s own host as PORTAL_ORIGIN, and a real encryption key', () => {
    expect(checkPortalConfig({ ...production, PORTAL_ORIGIN: 'evil.example' }).problems.join()).toMatch(/PORTAL_ORIGIN/);
    expect(checkPortalConfig({ ...production, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'abc' }).problems.join()).toMatch(/16, 24 or 32 bytes/);
    expect(checkPortalConfig({ ...production, PAYMENTS_DEBTOR_IBAN: undefined }).problems.join()).toMatch(/PAYMENTS_DEBTOR_IBAN is missing/);
    expect(checkPortalConfig({ ...production, PAYMENTS_DEBTOR_IBAN: 'EE382200221020145686' }).problems.join()).toMatch(/not a valid IBAN/);
  });

  it('start with a warning outside production (TOOLAUD_ENV=test)', () => {
    const lines: string[] = [];
    const ok = reportConfig('The portal', checkPortalConfig({ ...production, TOOLAUD_ENV: 'test', OIDC_ALLOW_DEV_ISSUER: 'true' }), (l) => lines.push(l));
    expect(ok).toBe(true);
    expect(lines[0]).toMatch(/TOOLAUD_ENV=test/);
  });
});
