import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Payment files are checked against the EPC's pain.001.001.09 schema (a copy of
// shared/data/iso20022 in test/fixtures) with Debian's xmllint (libxml2-utils, installed
// by scripts/test.sh): libxml2 is the validator the schema's README names, and it keeps
// the app free of an npm XSD dependency.
export const PAIN001_XSD = path.resolve(import.meta.dirname, 'fixtures/iso20022/pain.001.001.09.xsd');

export function validateAgainstXsd(xml: string, xsd = PAIN001_XSD): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'xsd-'));
  const file = path.join(dir, 'file.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output: '' };
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error('xmllint is missing: apt-get install libxml2-utils (scripts/test.sh does it)');
    return { ok: false, output: String(e.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
