import { describe, expect, it } from 'vitest';
import { peerAddress, portalHost, sanitiseProxyHeaders, trustedProxies } from './proxy-headers';

const forged = () => ({
  host: 'evil.example',
  origin: 'https://evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
  'x-forwarded-for': '203.0.113.9',
  'x-real-ip': '203.0.113.9',
  forwarded: 'host=evil.example;proto=https',
  'x-middleware-subrequest': 'middleware',
  'x-toolaud-client-ip': '10.0.0.1',
  'x-toolaud-path': '/admin',
});
const options = { trusted: trustedProxies({}), portalHost: 'toolaud.example.ee' };

describe('forwarded headers and Host', () => {
  it('are believed from a trusted proxy (loopback by default, where nginx runs)', () => {
    const headers: Record<string, string | string[] | undefined> = forged();
    expect(sanitiseProxyHeaders(headers, peerAddress('::ffff:127.0.0.1'), options)).toEqual({ clientIp: '203.0.113.9', viaProxy: true });
    expect(headers).toMatchObject({
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-toolaud-client-ip': '203.0.113.9',
    });
    expect(headers['x-middleware-subrequest']).toBeUndefined();
    expect(headers['x-toolaud-path']).toBeUndefined();
  });

  it('are dropped from anyone else, and Host becomes the portal’s own', () => {
    const headers: Record<string, string | string[] | undefined> = forged();
    expect(sanitiseProxyHeaders(headers, '192.0.2.7', options)).toEqual({ clientIp: '192.0.2.7', viaProxy: false });
    expect(headers.host).toBe('toolaud.example.ee');
    for (const name of ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for', 'x-real-ip', 'forwarded', 'x-middleware-subrequest']) {
      expect(headers[name], name).toBeUndefined();
    }
    expect(headers['x-toolaud-client-ip']).toBe('192.0.2.7');
    expect(headers.origin).toBe('https://evil.example'); // left for the origin check to refuse
  });

  it('trusts exactly the configured addresses', () => {
    const trusted = trustedProxies({ TRUSTED_PROXIES: ' 10.0.0.5 , fd00::5 ' });
    expect([...trusted]).toEqual(['10.0.0.5', 'fd00::5']);
    const headers: Record<string, string | string[] | undefined> = forged();
    expect(sanitiseProxyHeaders(headers, '127.0.0.1', { trusted, portalHost: 'toolaud.example.ee' }).viaProxy).toBe(false);
    expect(headers.host).toBe('toolaud.example.ee');
  });

  it('keeps a malformed X-Real-IP out even from the proxy', () => {
    const headers: Record<string, string | string[] | undefined> = { ...forged(), 'x-real-ip': 'evil<script>' };
    expect(sanitiseProxyHeaders(headers, '127.0.0.1', options).clientIp).toBe('127.0.0.1');
  });

  it('names the portal’s host from NEXTAUTH_URL', () => {
    expect(portalHost({ NEXTAUTH_URL: 'https://toolaud.example.ee' })).toBe('toolaud.example.ee');
    expect(portalHost({ PORTAL_URL: 'http://localhost:3000' })).toBe('localhost:3000');
    expect(portalHost({})).toBeNull();
  });
});
