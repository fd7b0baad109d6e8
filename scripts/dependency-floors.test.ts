import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Each floor closes a published advisory:
// next < 16.3.3 — middleware authorization bypass, server-action CSRF via Origin: null, RSC DoS/RCE;
// next-auth ≤ 4.24.14 — OAuth state/nonce/PKCE cookies mixed between providers;
// next-auth 5 before beta.32 (with @auth/core < 0.41.3) — a broken config let everyone in;
// drizzle-orm < 0.45.2 — SQL injection through identifiers.

type Version = { major: number; minor: number; patch: number; pre: string | null };

export function parseVersion(v: string): Version {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(v);
  if (!m) throw new Error(`not a version: ${v}`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? null };
}

function comparePre(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // a release is above its pre-releases
  if (b === null) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch || comparePre(x.pre, y.pre);
}

export const atLeast = (installed: string, floor: string) => compareVersions(installed, floor) >= 0;

const installedVersion = (name: string): string | null => {
  const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : null;
};

describe('security floors', () => {
  it('compares versions, pre-releases included', () => {
    expect(atLeast('16.3.3', '16.3.3')).toBe(true);
    expect(atLeast('16.3.2', '16.3.3')).toBe(false);
    expect(atLeast('16.10.0', '16.3.3')).toBe(true);
    expect(atLeast('15.9.9', '16.3.3')).toBe(false);
    expect(atLeast('5.0.0-beta.31', '5.0.0-beta.32')).toBe(false);
    expect(atLeast('5.0.0-beta.40', '5.0.0-beta.32')).toBe(true);
    expect(atLeast('5.0.0', '5.0.0-beta.32')).toBe(true);
    expect(atLeast('4.24.14', '4.24.15')).toBe(false);
  });

  it('next is at least 16.3.3', () => {
    expect(atLeast(installedVersion('next')!, '16.3.3')).toBe(true);
  });

  it('next-auth is at least 4.24.15 (v4) or 5.0.0-beta.32 with @auth/core 0.41.3 (v5)', () => {
    const version = installedVersion('next-auth')!;
    if (parseVersion(version).major >= 5) {
      expect(atLeast(version, '5.0.0-beta.32')).toBe(true);
      expect(atLeast(installedVersion('@auth/core') ?? '0.0.0', '0.41.3')).toBe(true);
    } else {
      expect(atLeast(version, '4.24.15')).toBe(true);
    }
  });

  it('drizzle-orm is at least 0.45.2', () => {
    expect(atLeast(installedVersion('drizzle-orm')!, '0.45.2')).toBe(true);
  });
});
