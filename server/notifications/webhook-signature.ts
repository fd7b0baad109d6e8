import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signatures, Stripe-style: header `X-Toolaud-Signature: t=<unix seconds>,v1=<hex>`
// where v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Signing the timestamp lets a receiver
// refuse replays older than its tolerance; the Idempotency-Key header (the outbox
// message id, the same on every retry) lets it drop duplicates.

export const SIGNATURE_HEADER = 'x-toolaud-signature';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** For receivers (and tests): true when the header signs this exact body and is recent enough. */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, body: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
