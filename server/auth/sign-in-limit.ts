import { NextResponse, type NextRequest } from 'next/server';
import { recordAudit } from '@/server/audit/record';
import { clientIpFrom } from '@/server/ops/client-ip';
import { hitRateLimit } from '@/server/ops/rate-limit';

// Sign-in attempts are limited twice: per IP address when a sign-in starts (the POST to
// next-auth's signin endpoint, before anyone is known), and per person once the identity
// provider has vouched for them (next-auth-options' signIn callback). The refused person
// lands on the sign-in page with a plain message; the refusal is audited.

export const SIGN_IN_LIMITED_PATH = '/sisene?error=liiga-palju';

/** For the next-auth route: a refusal response when this IP starts too many sign-ins, else null. */
export async function limitSignInStart(req: NextRequest, segments: string[], portalUrl: string, requestId: string): Promise<Response | null> {
  if (segments[0] !== 'signin' || req.method !== 'POST') return null;
  const ip = clientIpFrom(req.headers);
  const verdict = await hitRateLimit('signin', { ip });
  if (verdict.ok) return null;
  await recordAudit({ action: 'auth.signin_limited', outcome: 'denied', requestId, details: { scope: 'ip', ip } });
  // next-auth's client reads `url` from the JSON answer and goes there.
  return NextResponse.json({ url: `${portalUrl}${SIGN_IN_LIMITED_PATH}` });
}

/** For the signIn callback: whether this person may complete one more sign-in now. */
export async function personMaySignIn(personalCode: string, requestId: string): Promise<boolean> {
  const verdict = await hitRateLimit('signin', { person: personalCode });
  if (verdict.ok) return true;
  await recordAudit({ action: 'auth.signin_limited', actorCode: personalCode, outcome: 'denied', requestId, details: { scope: 'person' } });
  return false;
}
