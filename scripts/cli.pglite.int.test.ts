import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/db/client';
import { demoStaff } from '@/db/seed/org-data';

const run = promisify(execFile);
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

async function script(name: string, dataDir: string) {
  try {
    const { stdout, stderr } = await run(tsx, [`scripts/${name}.ts`], { env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

// PGlite gives no error when two processes open one data directory: it loses writes.
describe('CLI scripts on the embedded database', () => {
  it('refuse a data directory that a running portal holds, and work once it is free', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-cli-')), 'pglite');
    const portal = await openDb({ dataDir, migrate: true });
    const refused = await script('db-seed', dataDir);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('kasutab juba töötav protsess');
    await portal.close();

    const seeded = await script('db-seed', dataDir);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain(`${demoStaff.length} staff added`);
    const verified = await script('audit-verify', dataDir);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('is intact');
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});
