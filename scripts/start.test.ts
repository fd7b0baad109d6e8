import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` and `npm run worker` in production refuse configuration that is missing or
// points at the development identity provider, before opening any port or database.
// Each spawns a process that loads TypeScript modules: seconds on a busy machine, so the
// limit is generous (what is asserted is the refusal, not its speed).
const SPAWN_MS = 60_000;
const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } as unknown as NodeJS.ProcessEnv;

describe('starting in production', () => {
  it(
    'npm start names what is missing and exits with 2',
    () => {
      const run = spawnSync(process.execPath, ['scripts/start.mjs'], { env: bare, encoding: 'utf8', timeout: SPAWN_MS });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/will not start/);
      for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'OIDC_ISSUER', 'NEXTAUTH_URL', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'])
        expect(run.stderr).toContain(name);
    },
    SPAWN_MS,
  );

  it(
    'the worker refuses the development identity provider',
    () => {
      const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/worker.ts'], {
        env: {
          ...bare,
          DATABASE_URL: 'postgres://toolaud@127.0.0.1:1/none',
          SMTP_URL: 'smtp://127.0.0.1:1',
          PORTAL_URL: 'https://toolaud.example.ee',
          OIDC_ALLOW_DEV_ISSUER: 'true',
        },
        encoding: 'utf8',
        timeout: SPAWN_MS,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('OIDC_ALLOW_DEV_ISSUER');
    },
    SPAWN_MS,
  );
});
