import { afterEach, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { sql } from 'drizzle-orm';
import { setupTestDatabase } from '@/test/db';
import { hitRateLimit, ruleFor } from './rate-limit';

const db = setupTestDatabase();
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('the database-backed rate limiter', () => {
  it('lets the limit through, refuses the next attempt, and says how long to wait', async () => {
    process.env.RATE_LIMIT_INCIDENT_PERSON = '3/600';
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimit('incident', { person: 'staff-1' }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    const refused = results[3]!;
    expect(refused.ok === false && refused.scope).toBe('person');
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Another person is counted apart.
    expect((await hitRateLimit('incident', { person: 'staff-2' })).ok).toBe(true);
  });

  it('counts concurrent attempts exactly: one atomic upsert each, no lost updates', async () => {
    process.env.RATE_LIMIT_REGISTRATION_PERSON = '25/600';
    process.env.RATE_LIMIT_REGISTRATION_IP = 'off';
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit('registration', { person: 'desk-7', ip: '10.0.0.1' })));
    expect(results.filter((r) => r.ok)).toHaveLength(25);
    const rows = await selectRows<{ hits: number }>(db.handle().db, sql`select hits from rate_limit_hits where key like 'registration:person:%'`);
    expect(rows.map((r) => r.hits)).toEqual([40]);
  });

  it('limits a whole address across people, and keeps no personal code in the table', async () => {
    process.env.RATE_LIMIT_SIGNIN_IP = '2/300';
    expect((await hitRateLimit('signin', { ip: '192.0.2.9', person: '47805122004' })).ok).toBe(true);
    expect((await hitRateLimit('signin', { ip: '192.0.2.9', person: '38001085718' })).ok).toBe(true);
    const third = await hitRateLimit('signin', { ip: '192.0.2.9', person: '60001019906' });
    expect(third.ok === false && third.scope).toBe('ip');
    const keys = await selectRows<{ key: string }>(db.handle().db, sql`select key from rate_limit_hits`);
    expect(keys.map((k) => k.key).join(' ')).not.toMatch(/\d{11}|192\.0\.2\.9/);
  });

  it('reads overrides from the environment and can be switched off per limit', () => {
    expect(ruleFor('pdf', 'person', { RATE_LIMIT_PDF_PERSON: '7/60' })).toEqual({ max: 7, windowSeconds: 60 });
    expect(ruleFor('pdf', 'ip', { RATE_LIMIT_PDF_IP: 'off' })).toBeNull();
    expect(ruleFor('bulk', 'person', { RATE_LIMIT_BULK_PERSON: 'nonsense' })).toEqual({ max: 5, windowSeconds: 3600 });
  });
});
