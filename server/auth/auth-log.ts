import { recordAudit } from '@/server/audit/record';

// TARA requires the client to log the authentication request, the redirect back and the
// token exchange, without secrets. The token exchange is logged where the ID token is
// checked (next-auth-options); here: the request to the issuer and the callback.
export async function logAuthExchange(req: Request, res: Response, segments: string[], requestId: string) {
  const [step, provider] = segments;
  if (step === 'signin' && provider && req.method === 'POST') {
    const location = await authorizeUrlOf(res);
    if (!location) return;
    const url = new URL(location);
    await recordAudit({
      action: 'auth.request',
      requestId,
      details: {
        issuer: url.origin,
        scope: url.searchParams.get('scope'),
        state: url.searchParams.has('state'),
        nonce: url.searchParams.has('nonce'),
        pkce: url.searchParams.get('code_challenge_method'),
      },
    });
  } else if (step === 'callback' && provider) {
    const params = new URL(req.url).searchParams;
    await recordAudit({
      action: 'auth.callback',
      requestId,
      outcome: params.has('error') ? 'denied' : 'success',
      details: { code: params.has('code'), state: params.has('state'), error: params.get('error'), status: res.status },
    });
  }
}

async function authorizeUrlOf(res: Response): Promise<string | null> {
  const header = res.headers.get('location');
  if (header) return header;
  if (!res.headers.get('content-type')?.includes('application/json')) return null;
  try {
    const body = (await res.clone().json()) as { url?: string };
    return body.url && /^https?:\/\//.test(body.url) ? body.url : null;
  } catch {
    return null;
  }
}
