import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UPLOAD_MB } from '@/lib/upload-limits';
import { escapeRegex, renderTemplate } from './nginx';

const template = fs.readFileSync('deploy/nginx/toolaud.conf.template', 'utf8');
const values = {
  SERVER_NAME: 'toolaud.example.ee',
  PUBLIC_HOST: 'toolaud.example.ee',
  PUBLIC_ORIGIN: 'https://toolaud.example.ee',
  PUBLIC_ORIGIN_REGEX: escapeRegex('https://toolaud.example.ee'),
  LISTEN_HTTP: '80',
  LISTEN_HTTPS: '443',
  TLS_CERT: '/etc/ssl/certs/t.pem',
  TLS_KEY: '/etc/ssl/private/t.key',
  UPSTREAM_1: '127.0.0.1:3101',
  UPSTREAM_2: '127.0.0.1:3102',
  CACHE_DIR: '/var/cache/nginx/toolaud',
  PUBLIC_CACHE_DELAY: '5m',
};

describe('the reference nginx configuration', () => {
  it('fills every placeholder and leaves none behind outside comments', () => {
    const site = renderTemplate(template, values);
    const code = site
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    expect(code).not.toMatch(/\$\{[A-Z_0-9]+\}/);
    expect(code).toContain('https://toolaud\\.example\\.ee');
    // The upload limit is the request limit of lib/upload-limits.json (next.config.js reads it too).
    expect(code).toContain(`client_max_body_size ${UPLOAD_MB.requestMb}m;`);
    expect(code).toMatch(/proxy_set_header X-Middleware-Subrequest "";/);
  });

  it('names a missing value instead of writing an empty one', () => {
    const { CACHE_DIR: _cache, ...partial } = values;
    expect(() => renderTemplate(template, partial)).toThrow(/CACHE_DIR/);
  });
});
