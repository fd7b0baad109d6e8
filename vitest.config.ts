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
          include: ['{lib,server,db,dev-idp,templates,components,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{app,server,db,scripts}/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time on the 2-core machine; each file gets its own database.
          fileParallelism: false,
        },
      },
    ],
  },
});
