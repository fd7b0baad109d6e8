import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// The walls between the floors of docs/architecture.md, held by the linter (each has a fixture
// that crosses it and a test that lint fails on it: test/lint/walls.test.ts):
// app → components, server, lib, templates (never db); components → lib, server/*/actions,
// templates/registry and types from server/*/queries; server → db, lib, templates;
// templates → lib; db and lib → nothing of ours.
const root = import.meta.dirname;
const layers = [
  { target: './db', from: ['./app', './components', './server', './templates'], message: 'db imports nothing of ours.' },
  { target: './lib', from: ['./app', './components', './server', './db', './templates'], message: 'lib is isomorphic and imports nothing of ours.' },
  { target: './templates', from: ['./app', './components', './server', './db'], message: 'templates are pure functions of their props.' },
  { target: './server', from: ['./app', './components'], message: 'server does not import the UI.' },
  {
    target: `${root}/app/**/!(*.test).{ts,tsx}`,
    from: ['./db'],
    message: 'pages and route handlers read through a domain function in server/, which authorizes and audits.',
  },
  {
    // Any domain's server actions, by one rule; queries only for their types (the rule below).
    target: './components',
    from: [`${root}/server/**`, `${root}/db/**`],
    except: [`${root}/server/*/actions.ts`, `${root}/server/*/queries.ts`],
    message: 'components reach the server only through server actions.',
  },
  {
    target: './components',
    from: [`${root}/templates/**`],
    except: [`${root}/templates/registry.{ts,tsx}`],
    message: 'components take from templates only the registry, which loads no PDF engine.',
  },
];

// A component may name a query's row type (import type), so rows are inferred, never copied.
const queriesForTypesOnly = {
  patterns: [
    {
      group: ['@/server/*/queries', '**/server/*/queries'],
      allowTypeImports: true,
      message: 'components import only types from queries; data comes as props.',
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // test/lint/fixtures/ break the walls on purpose; test/lint/walls.test.ts lints them.
    ignores: [
      '.next/**',
      'bench/bare/.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'db/migrations/**',
      'test/lint/fixtures/**',
    ],
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
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', queriesForTypesOnly] },
  },
];

export default config;
