import { afterEach, describe, expect, it } from 'vitest';
import { setupTestDatabase, testDbKind } from '@/test/db';
import { GET as health } from './route';

setupTestDatabase();
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('GET /api/health', () => {
  it('reports the database kind and the applied migrations', async () => {
    Object.assign(process.env, {
      AUTH_SECRET: 'x'.repeat(32),
      OIDC_ISSUER: 'https://tara-test.ria.ee',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
      NEXTAUTH_URL: 'https://toolaud.example.ee',
    });
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: testDbKind, migrations: expect.any(Number) });
  });

  it('fails closed on a broken auth configuration: 503, naming the problems but not the secrets', async () => {
    delete process.env.OIDC_ISSUER;
    process.env.AUTH_SECRET = 'tiny-secret-value';
    const res = await health();
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; auth: string[] };
    expect(body.status).toBe('auth-misconfigured');
    expect(body.auth.join(' ')).toMatch(/OIDC_ISSUER/);
    expect(JSON.stringify(body)).not.toContain('tiny-secret-value');
  });
});
