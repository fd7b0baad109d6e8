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
          // One file at a time on the 2-core machine; each file gets its own database.
          fileParallelism: false,
        },
      })),
    ],
  },
});
