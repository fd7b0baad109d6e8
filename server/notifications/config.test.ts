import { describe, expect, it } from 'vitest';
import { readOutboxConfig, retryDelayMs, runsInlineWorker } from './config';

describe('outbox configuration', () => {
  it('has safe defaults and reads the environment', () => {
    const c = readOutboxConfig({ NEXTAUTH_URL: 'https://toolaud.example/' });
    expect(c).toMatchObject({ smtpUrl: null, portalUrl: 'https://toolaud.example', maxAttempts: 8, webhookUrl: null });
    expect(readOutboxConfig({ OUTBOX_MAX_ATTEMPTS: '3', SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({
      maxAttempts: 3,
      smtpUrl: 'smtp://127.0.0.1:2525',
    });
    expect(readOutboxConfig({ OUTBOX_MAX_ATTEMPTS: 'lots' }).maxAttempts).toBe(8);
  });

  it('runs the worker inside the portal only on the embedded database, unless told', () => {
    expect(runsInlineWorker({})).toBe(true);
    expect(runsInlineWorker({ DATABASE_URL: 'postgres://x' })).toBe(false);
    expect(runsInlineWorker({ DATABASE_URL: 'postgres://x', OUTBOX_WORKER: 'inline' })).toBe(true);
    expect(runsInlineWorker({ OUTBOX_WORKER: 'off' })).toBe(false);
  });

  it('backs off exponentially, capped, with jitter between half and the whole delay', () => {
    const config = { backoffBaseMs: 30_000, backoffMaxMs: 3_600_000 };
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, config, () => 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(1, config, () => 0)).toBe(15_000);
    expect(retryDelayMs(20, config, () => 1)).toBe(3_600_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, config)));
    expect(spread.size).toBeGreaterThan(1);
    for (const d of spread) expect(d).toBeGreaterThanOrEqual(60_000);
  });
});
