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

describe('liveness and readiness', () => {
  const configured = {
    AUTH_SECRET: 'x'.repeat(32),
    OIDC_ISSUER: 'https://tara-test.ria.ee',
    OIDC_CLIENT_ID: 'c',
    OIDC_CLIENT_SECRET: 's',
    NEXTAUTH_URL: 'https://toolaud.example.ee',
  };

  it('liveness answers without the database or the configuration', async () => {
    const { GET: live } = await import('./live/route');
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'alive' });
  });

  it('readiness says every known migration is applied, and turns 503 when the outbox piles up', async () => {
    Object.assign(process.env, configured);
    const { GET: ready } = await import('./ready/route');
    const ok = await ready();
    const body = (await ok.json()) as { migrations: number; migrationsExpected: number; outbox: { due: number } };
    expect(ok.status).toBe(200);
    expect(body.migrations).toBe(body.migrationsExpected);
    expect(body.migrationsExpected).toBeGreaterThan(0);

    const { getDb } = await import('@/db/client');
    const { outboxMessages } = await import('@/db/schema');
    const db = await getDb();
    const payload = { to: 'a@example.test', subject: 's', text: 't', html: 'h' };
    await db.insert(outboxMessages).values([1, 2, 3].map(() => ({ channel: 'email' as const, kind: 'test.backlog', payload })));
    process.env.HEALTH_OUTBOX_MAX_DUE = String(body.outbox.due + 2);
    const backlog = await ready();
    expect(backlog.status).toBe(503);
    expect(await backlog.json()).toMatchObject({ status: 'outbox-backlog' });
  });
});
