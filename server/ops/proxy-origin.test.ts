import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

// The portal's proxy (proxy.ts) runs before every page, server action and route handler.
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const request = (method: string, headers: Record<string, string>, path = '/dokumendid/uus') =>
  new NextRequest(`http://127.0.0.1:3101${path}`, { method, headers: { host: '127.0.0.1:3101', ...headers }, body: method === 'GET' ? undefined : '[]' });

describe('the proxy and state-changing requests', () => {
  it('refuses a server action call without Origin before it runs (403)', async () => {
    process.env.NEXTAUTH_URL = 'https://toolaud.example.ee';
    const response = proxy(request('POST', { 'next-action': 'abc123', 'content-type': 'text/plain;charset=UTF-8' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-middleware-next')).toBeNull();
    expect(await response.text()).toContain('no-origin');
  });

  it('refuses a route handler POST (the PDF preview, next-auth) without Origin or from another site', () => {
    process.env.NEXTAUTH_URL = 'https://toolaud.example.ee';
    expect(proxy(request('POST', {}, '/valjasta/eelvaade')).status).toBe(403);
    expect(proxy(request('POST', { origin: 'https://evil.example' }, '/api/auth/signout')).status).toBe(403);
    expect(proxy(request('DELETE', { origin: 'null' })).status).toBe(403);
  });

  it('lets the portal’s own POST and any GET through', () => {
    process.env.NEXTAUTH_URL = 'https://toolaud.example.ee';
    expect(proxy(request('POST', { origin: 'https://toolaud.example.ee', 'next-action': 'abc123' })).headers.get('x-middleware-next')).toBe('1');
    expect(proxy(request('GET', {}, '/api/auth/callback/oidc?code=x&state=y')).headers.get('x-middleware-next')).toBe('1');
  });
});
