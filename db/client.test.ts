import { afterEach, describe, expect, it } from 'vitest';
import { reconnectBackoff } from './client';

describe('reconnectBackoff', () => {
  afterEach(() => {
    delete process.env.DB_RECONNECT_MAX_MS;
  });

  it('starts at tens of milliseconds and never waits more than half a second by default', () => {
    for (let i = 0; i < 50; i++) {
      expect(reconnectBackoff(0)).toBeLessThanOrEqual(0.025);
      expect(reconnectBackoff(1)).toBeGreaterThanOrEqual(0.025);
      // postgres.js's own default would be up to 20 s by the seventh failure.
      for (const retries of [5, 7, 20, 1000]) expect(reconnectBackoff(retries)).toBeLessThanOrEqual(0.5);
    }
  });

  it('follows DB_RECONNECT_MAX_MS', () => {
    process.env.DB_RECONNECT_MAX_MS = '2000';
    expect(Math.max(...Array.from({ length: 200 }, () => reconnectBackoff(30)))).toBeGreaterThan(0.5);
    expect(reconnectBackoff(30)).toBeLessThanOrEqual(2);
  });
});
