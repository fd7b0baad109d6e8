import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
import { loweredBy, MB, scanProblem, UPLOAD_LIMITS, UPLOAD_MB } from './upload-limits';

describe('the upload limits', () => {
  it('are the same numbers in nginx, in Next (proxy body buffer and server actions) and in the domain', async () => {
    // next.config.js is plain JavaScript (no types): loaded as Next loads it.
    const configUrl = pathToFileURL(path.resolve('next.config.js')).href;
    const nextConfig = ((await import(configUrl)) as { default: NextConfig }).default;
    const nginx = fs.readFileSync('deploy/nginx/toolaud.conf.template', 'utf8');
    expect(nginx).toMatch(new RegExp(`client_max_body_size ${UPLOAD_MB.requestMb}m;`));
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(`${UPLOAD_MB.requestMb}mb`);
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${UPLOAD_MB.requestMb}mb`);
  });

  it('leave room in one request for the largest upload of each kind and its form', () => {
    const room = UPLOAD_LIMITS.requestBytes - 1 * MB;
    for (const perRequest of [UPLOAD_LIMITS.documentScansBytes, UPLOAD_LIMITS.attachmentsBytes, UPLOAD_LIMITS.verifyPdfBytes]) {
      expect(perRequest).toBeLessThanOrEqual(room);
    }
    expect(UPLOAD_LIMITS.scanBytes).toBeLessThanOrEqual(UPLOAD_LIMITS.documentScansBytes);
    expect(UPLOAD_LIMITS.attachmentBytes).toBeLessThanOrEqual(UPLOAD_LIMITS.attachmentsBytes);
  });

  it('may be lowered by the environment, never raised', () => {
    expect(loweredBy('5', 20)).toBe(5 * MB);
    expect(loweredBy('500', 20)).toBe(20 * MB);
    expect(loweredBy(undefined, 20)).toBe(20 * MB);
    expect(loweredBy('x', 20)).toBe(20 * MB);
  });

  it('tell the person which scan is too large before it is sent', () => {
    expect(scanProblem([{ name: 'a.pdf', size: 15 * MB }])).toBeNull();
    expect(scanProblem([{ name: 'suur.pdf', size: 20 * MB + 1 }])).toEqual({ key: 'errors.fileTooLarge', params: { name: 'suur.pdf', mb: '20' } });
    expect(scanProblem(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, size: 18 * MB })))).toEqual({
      key: 'errors.documentTooLarge',
      params: { mb: '100' },
    });
  });
});
