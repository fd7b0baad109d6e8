import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const body = JSON.stringify({ event: 'incident.created', number: 'IT-2026-000001' });
  it('verifies its own signature and refuses changes, other secrets and old timestamps', () => {
    const now = Date.now();
    const header = signWebhook('s3cret', body, Math.floor(now / 1000));
    expect(verifyWebhookSignature('s3cret', header, body, 300, now)).toBe(true);
    expect(verifyWebhookSignature('s3cret', header, body.replace('000001', '000002'), 300, now)).toBe(false);
    expect(verifyWebhookSignature('other', header, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature('s3cret', header, body, 300, now + 600_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret', 't=1,v1=zz', body)).toBe(false);
    expect(verifyWebhookSignature('s3cret', undefined, body)).toBe(false);
  });
});
