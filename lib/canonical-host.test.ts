import { describe, expect, it } from 'vitest';
import { canonicalRedirect } from './canonical-host';

const req = (url: string, host: string, method = 'GET') => ({ method, url, headers: new Headers({ host }) });

describe('canonicalRedirect', () => {
  it('sends a page on another host name to the same path on the configured address', () => {
    expect(canonicalRedirect(req('http://127.0.0.1:3000/dokumendid?q=1', '127.0.0.1:3000'), 'http://localhost:3000')?.href).toBe(
      'http://localhost:3000/dokumendid?q=1',
    );
  });
  it('leaves the configured host alone, whatever the port nginx passes', () => {
    expect(canonicalRedirect(req('http://localhost:3000/', 'localhost:3000'), 'http://localhost:3000')).toBeNull();
    expect(canonicalRedirect(req('http://toolaud.example/', 'TOOLAUD.example'), 'https://toolaud.example:8443')).toBeNull();
  });
  it('leaves API calls, posts and an unconfigured portal alone', () => {
    expect(canonicalRedirect(req('http://127.0.0.1:3000/api/health', '127.0.0.1:3000'), 'http://localhost:3000')).toBeNull();
    expect(canonicalRedirect(req('http://127.0.0.1:3000/', '127.0.0.1:3000', 'POST'), 'http://localhost:3000')).toBeNull();
    expect(canonicalRedirect(req('http://127.0.0.1:3000/', '127.0.0.1:3000'), undefined)).toBeNull();
    expect(canonicalRedirect(req('http://127.0.0.1:3000/', '127.0.0.1:3000'), 'not a url')).toBeNull();
  });
});
