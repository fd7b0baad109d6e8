import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { resetSealCache } from '@/server/pdf/seal';

/**
 * Issue sealed documents as demo mode does: the development seal, made in a temporary
 * directory that is removed with the test file. Returns the directory (for other scratch files).
 */
export function withDevelopmentSeal(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.SEAL_DEVELOPMENT = '1';
  process.env.SEAL_DEVELOPMENT_DIR = path.join(dir, 'dev-seal');
  resetSealCache();
  afterAll(() => {
    delete process.env.SEAL_DEVELOPMENT;
    delete process.env.SEAL_DEVELOPMENT_DIR;
    resetSealCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
