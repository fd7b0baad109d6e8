import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { readAuthConfig } from '@/server/auth/config';
import { buildAuthOptions } from '@/server/auth/next-auth-options';
import { logAuthExchange } from '@/server/auth/auth-log';
import { limitSignInStart } from '@/server/auth/sign-in-limit';
import { log } from '@/server/observability/log';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  const status = readAuthConfig();
  if (!status.ok) {
    return NextResponse.json({ error: 'auth-misconfigured' }, { status: 503 });
  }
  const requestId = req.headers.get('x-request-id') ?? crypto.randomUUID();
  const segments = (await context.params).nextauth;
  const limited = await limitSignInStart(req, segments, status.config.portalUrl, requestId);
  if (limited) return limited;
  let options;
  try {
    options = await buildAuthOptions(status.config, requestId);
  } catch (error) {
    // The provider could not be reached, or its discovery document names another issuer.
    log('auth').error({ requestId, err: error instanceof Error ? error.message : String(error) }, 'OIDC discovery refused');
    return NextResponse.json({ error: 'auth-unavailable' }, { status: 503 });
  }
  const response: Response = await NextAuth(req, context, options);
  await logAuthExchange(req, response, segments, requestId);
  // The person pressed "cancel" at the identity provider (TARA: error=user_cancel): say
  // so plainly instead of next-auth's generic callback error.
  if (segments[0] === 'callback' && req.nextUrl.searchParams.get('error') === 'user_cancel') {
    const back = NextResponse.redirect(new URL('/sisene?error=cancelled', status.config.portalUrl));
    for (const cookie of response.headers.getSetCookie()) back.headers.append('set-cookie', cookie);
    return back;
  }
  return response;
}

export { handler as GET, handler as POST };
