import { describe, expect, it } from 'vitest';
import { sameOriginPath, sameOriginUrl } from './same-origin-path';

const portal = 'https://toolaud.example.ee';

describe('sameOriginPath', () => {
  it('keeps a path on the portal, with its query and fragment', () => {
    expect(sameOriginPath('/dokumendid?otsi=1#x', portal)).toBe('/dokumendid?otsi=1#x');
    expect(sameOriginPath('/', portal)).toBe('/');
    expect(sameOriginPath(`${portal}/maksed`, portal)).toBe('/maksed');
    expect(sameOriginPath('maksed', portal)).toBe('/maksed');
    // The same scheme without slashes is a relative path (URL standard).
    expect(sameOriginPath('https:maksed', portal)).toBe('/maksed');
  });

  // Each of these is read by a browser as another host (or a script), though most start
  // with one slash.
  it.each([
    '/\\evil.example',
    '/\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '//evil.example',
    '///evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\\\\evil.example',
    'https://evil.example/',
    'http://toolaud.example.ee/',
    'https://toolaud.example.ee.evil.example/',
    'https://toolaud.example.ee@evil.example/',
    'https:/\\evil.example',
    'http:evil.example',
    'HTTPS://EVIL.EXAMPLE',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('refuses %j', (target) => {
    expect(sameOriginPath(target, portal)).toBe('/');
  });

  it('never hands back a path a browser could read as a host', () => {
    for (const target of ['/.//evil.example', '/./\\evil.example', '/a/..//evil.example', '/%2E//evil.example']) {
      const path = sameOriginPath(target, portal);
      expect(path.startsWith('/')).toBe(true);
      expect(path.startsWith('//')).toBe(false);
      expect(new URL(path, portal).origin).toBe(portal);
    }
  });

  it('keeps encoded slashes and backslashes encoded, as a path of the portal', () => {
    expect(sameOriginPath('/%5Cevil.example', portal)).toBe('/%5Cevil.example');
    expect(sameOriginPath('/%2F%2Fevil.example', portal)).toBe('/%2F%2Fevil.example');
    expect(new URL(sameOriginPath('/%5C%5Cevil.example', portal), portal).origin).toBe(portal);
  });

  it('falls back for what is not a string or cannot be parsed', () => {
    expect(sameOriginPath(null, portal)).toBe('/');
    expect(sameOriginPath(undefined, portal)).toBe('/');
    expect(sameOriginPath('', portal)).toBe('/');
    expect(sameOriginPath('http://[bad', portal)).toBe('/');
    expect(sameOriginPath('//evil.example', portal, '/avaleht')).toBe('/avaleht');
  });

  it('without a known portal origin still accepts only paths', () => {
    expect(sameOriginPath('/maksed')).toBe('/maksed');
    expect(sameOriginPath('/\\evil.example')).toBe('/');
    expect(sameOriginPath('https://evil.example/')).toBe('/');
  });

  it('gives next-auth an absolute URL on the portal', () => {
    expect(sameOriginUrl('/maksed', portal)).toBe(`${portal}/maksed`);
    expect(sameOriginUrl(`${portal}/maksed`, portal)).toBe(`${portal}/maksed`);
    expect(sameOriginUrl('/\\evil.example', portal)).toBe(`${portal}/`);
    expect(sameOriginUrl('https://evil.example/', portal)).toBe(`${portal}/`);
  });
});
