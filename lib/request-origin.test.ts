import { describe, expect, it } from 'vitest';
import { configuredPortalHosts, originRefusal } from './request-origin';

const portal = ['toolaud.example.ee'];
const h = (entries: Record<string, string>) => new Headers(entries);

describe('originRefusal', () => {
  it('lets reads through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(originRefusal(method, h({ host: 'toolaud.example.ee' }), portal)).toBeNull();
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('refuses a %s without Origin, or with Origin: null', (method) => {
    expect(originRefusal(method, h({ host: 'toolaud.example.ee' }), portal)).toBe('no-origin');
    expect(originRefusal(method, h({ host: 'toolaud.example.ee', origin: 'null' }), portal)).toBe('no-origin');
    expect(originRefusal(method, h({ host: 'toolaud.example.ee', origin: '  ' }), portal)).toBe('no-origin');
  });

  it('lets through a POST from the portal itself: its configured host, or the host the browser asked for', () => {
    expect(originRefusal('POST', h({ host: '127.0.0.1:3101', origin: 'https://toolaud.example.ee' }), portal)).toBeNull();
    expect(originRefusal('POST', h({ host: 'localhost:3000', origin: 'http://localhost:3000' }), [])).toBeNull();
    expect(originRefusal('POST', h({ host: '127.0.0.1:3101', 'x-forwarded-host': 'edge.example:8443', origin: 'https://edge.example:8443' }), [])).toBeNull();
  });

  it.each([
    'https://evil.example',
    'https://toolaud.example.ee.evil.example',
    'https://toolaud.example.ee:444',
    'file://toolaud.example.ee',
    'not a url',
    'javascript:alert(1)',
  ])('refuses a POST from %s', (origin) => {
    expect(originRefusal('POST', h({ host: 'toolaud.example.ee', origin }), portal)).toBe('foreign-origin');
  });

  it('reads the portal’s hosts from its configuration', () => {
    expect(configuredPortalHosts({ NEXTAUTH_URL: 'https://toolaud.example.ee', PORTAL_ORIGIN: 'Toolaud.Example.EE' })).toEqual([
      'toolaud.example.ee',
      'toolaud.example.ee',
    ]);
    expect(configuredPortalHosts({ NEXTAUTH_URL: 'not a url' })).toEqual([]);
  });
});
