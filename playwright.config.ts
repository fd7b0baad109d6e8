import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/chromium';
import { E2E, portalUrl } from './e2e/support/env';

// How much slower than a quiet 2-core machine this one is (a shared CI runner: 2 or more).
// Every timeout scales with it; the waits themselves are on what the page shows.
const slowdown = Math.max(1, Number(process.env.E2E_SLOWDOWN) || 1);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A flow that passes between two or three people takes 45-60 s on a quiet CI runner and
  // over a minute on a shared one: the limit is for a test that hangs, not a slow machine.
  timeout: 120_000 * slowdown,
  expect: { timeout: 10_000 * slowdown },
  reporter: [['list']],
  use: {
    baseURL: portalUrl,
    locale: 'et-EE',
    timezoneId: 'Europe/Tallinn',
    // A trace snapshots the page after every step: a fifth of the suite's time on the 2-core
    // machine (BENCHMARKS.md). E2E_TRACE=1 keeps one for each failing flow, for a rerun.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
  },
  webServer: {
    command: 'npx tsx e2e/support/servers.ts',
    url: `http://127.0.0.1:${E2E.readyPort}/`,
    timeout: 120_000 * slowdown,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
