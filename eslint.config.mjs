import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// The walls between the floors of docs/architecture.md, held by the linter:
// app → components, server, lib; components → lib and server/*/actions only;
// server → db, lib, templates; templates → lib; db → nothing of ours; lib → nothing of ours.
const layers = [
  { target: './db', from: ['./app', './components', './server', './templates'], message: 'db imports nothing of ours.' },
  { target: './lib', from: ['./app', './components', './server', './db', './templates'], message: 'lib is isomorphic and imports nothing of ours.' },
  { target: './templates', from: ['./app', './components', './server', './db'], message: 'templates are pure functions of their props.' },
  { target: './server', from: ['./app', './components'], message: 'server does not import the UI.' },
  {
    target: './components',
    from: ['./server', './db'],
    except: ['./staff/actions.ts', './auth/actions.ts', './audit/actions.ts', './register/actions.ts', './issuing/actions.ts', './bulk/actions.ts'],
    message: 'components reach the server only through server actions.',
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'bench/bare/.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
  {
    plugins: { drizzle },
    rules: {
      'import/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A delete or update without where() empties a table (as create-t3-app does).
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'd'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'd'] }],
    },
  },
];

export default config;
