import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each wall of docs/architecture.md, proved: a fixture that crosses it, linted as if it lived
// where its first line says (`// lint-as: <path>`), must fail with import/no-restricted-paths
// (or the type-only rule for queries); allowed.tsx, what a component may import, must pass.
// The fixtures are ignored by `npm run lint` itself.

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const wallRules = new Set(['import/no-restricted-paths', '@typescript-eslint/no-restricted-imports']);

type Outcome = { file: string; lintAs: string; walls: string[]; other: string[] };
let outcomes: Outcome[];

beforeAll(async () => {
  const eslint = new ESLint({ cwd: root });
  outcomes = [];
  for (const file of fs.readdirSync(fixtures).sort()) {
    const code = fs.readFileSync(path.join(fixtures, file), 'utf8');
    const lintAs = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1];
    if (!lintAs) throw new Error(`${file} has no "// lint-as:" line`);
    const [result] = await eslint.lintText(code, { filePath: path.join(root, lintAs) });
    const messages = result?.messages ?? [];
    outcomes.push({
      file,
      lintAs,
      walls: messages.filter((m) => wallRules.has(m.ruleId ?? '')).map((m) => m.message),
      other: messages.filter((m) => !wallRules.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`),
    });
  }
}, 240_000);

describe('the walls between the floors', () => {
  it('fail lint for every fixture that crosses one, and for nothing else', () => {
    const crossing = outcomes.filter((o) => o.file !== 'allowed.tsx');
    expect(crossing.length).toBeGreaterThanOrEqual(9);
    for (const o of crossing) {
      expect(o.walls, `${o.file} (as ${o.lintAs})`).toHaveLength(1);
      expect(o.other, o.file).toEqual([]);
    }
  });

  it('name why in the message', () => {
    const byFile = Object.fromEntries(outcomes.map((o) => [o.file, o.walls.join(' ')]));
    expect(byFile['app-imports-db.ts']).toMatch(/read through a domain function/);
    expect(byFile['components-import-query.tsx']).toMatch(/only types from queries/);
    expect(byFile['components-import-mutation.tsx']).toMatch(/only through server actions/);
    expect(byFile['components-import-db.tsx']).toMatch(/only through server actions/);
    expect(byFile['components-import-template.tsx']).toMatch(/only the registry/);
  });

  it('let a component import any server action, the template registry and a query’s row type', () => {
    const allowed = outcomes.find((o) => o.file === 'allowed.tsx')!;
    expect(allowed.walls).toEqual([]);
    expect(allowed.other).toEqual([]);
  });
});
