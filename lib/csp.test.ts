import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('Content-Security-Policy', () => {
  it('lets scripts run only with the nonce, never inline or eval in production', () => {
    const csp = contentSecurityPolicy('bm9uY2U=');
    const scripts = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts).toContain(`'nonce-bm9uY2U='`);
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`object-src 'none'`);
  });

  it('allows workers only from the portal (the PDF viewer) and no frames or blob: scripts', () => {
    const csp = contentSecurityPolicy('bm9uY2U=');
    expect(csp).toContain(`worker-src 'self'`);
    expect(csp).not.toMatch(/frame-src|child-src/);
    expect(csp).not.toMatch(/(script|worker)-src[^;]*blob:/);
  });
});
