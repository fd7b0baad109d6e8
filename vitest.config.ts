import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // The real package throws outside React's server bundle; domain tests run in plain Node.
      'server-only': path.join(root, 'test/empty-module.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Vitest leaves a core free by default: on 2 cores that is one worker and a third of
          // the step idle (70 s against 53 s with both).
          maxWorkers: availableParallelism(),
          include: ['{lib,server,db,dev-idp,templates,components,scripts,test}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      // The integration tests once per database, each run its own project, so each reports its
      // own count and neither counts the other's tests as skipped. A file for one database only
      // is named *.pglite.int.test.ts or *.postgres.int.test.ts; a block for one database inside
      // a shared file is registered with onlyOn() (test/db.ts).
      ...(['pglite', 'postgres'] as const).map((kind) => ({
        extends: true as const,
        test: {
          name: `integration-${kind}`,
          include: ['{app,server,db,scripts}/**/*.int.test.ts'],
          exclude: [`**/*.${kind === 'pglite' ? 'postgres' : 'pglite'}.int.test.ts`, 'node_modules/**'],
          env: { TEST_DB: kind },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file gets its own database. PostgreSQL's files run one at a time beside the
          // build and the PGlite run, and end first; PGlite's two at a time, so its tail does not
          // run alone on one of two cores (npm test ran 358 s of PGlite, 122 s of them alone).
          fileParallelism: kind === 'pglite',
          ...(kind === 'pglite' ? { maxWorkers: 2 } : {}),
        },
      })),
    ],
  },
});
