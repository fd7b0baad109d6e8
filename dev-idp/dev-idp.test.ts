// @vitest-environment node
// Drives real authorization code flows over HTTP against the dev IdP, as a browser
// (manual redirects, own cookie jar) and a confidential client (next-auth) would.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevIdp, type DevIdp } from './server.ts';

const REDIRECT_URI = 'http://localhost:3999/api/auth/callback/oidc';
const CLIENT = { client_id: 'toolaud-test', client_secret: 'toolaud-test-secret', redirect_uris: [REDIRECT_URI] };

type Discovery = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string; userinfo_endpoint: string };
type TokenResponse = { id_token: string; access_token: string; token_type: string };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

/** A cookie jar that, like a browser, sends back what the IdP set (all on one host). */
class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  /** Follows the IdP's redirects until it sends the browser back to the client or shows a page. */
  async follow(res: Response): Promise<{ page: Response; callback?: undefined } | { callback: URL; page?: undefined }> {
    let current = res;
    for (let hops = 0; hops < 10; hops++) {
      if (current.status < 300 || current.status >= 400) return { page: current };
      const location = new URL(current.headers.get('location')!, current.url);
      if (location.href.startsWith(REDIRECT_URI)) return { callback: location };
      current = await this.fetch(location.href);
    }
    throw new Error('too many redirects');
  }
}

let idp: DevIdp;
let discovery: Discovery;

beforeAll(async () => {
  const port = await freePort();
  idp = await startDevIdp({ port, issuer: `http://127.0.0.1:${port}`, clients: [CLIENT] });
  discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
});

afterAll(async () => {
  await idp?.close();
});

type Flow = { browser: Browser; state: string; nonce: string; verifier: string; page: Response; html: string };

async function startFlow(browser = new Browser()): Promise<Flow> {
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const verifier = b64url(randomBytes(32));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT.client_id,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid idcard',
    state,
    nonce,
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const { page } = await browser.follow(await browser.fetch(url.href));
  if (!page) throw new Error('expected the sign-in page');
  return { browser, state, nonce, verifier, page, html: await page.text() };
}

function formAction(flow: Flow, kind: 'login' | 'cancel'): string {
  const action = new RegExp(`action="([^"]*/${kind})"`).exec(flow.html)?.[1];
  if (!action) throw new Error(`no ${kind} form`);
  return new URL(action, flow.page.url).href;
}

async function submit(flow: Flow, kind: 'login' | 'cancel', personalCode?: string): Promise<Response> {
  return flow.browser.fetch(formAction(flow, kind), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(personalCode === undefined ? {} : { personal_code: personalCode }).toString(),
  });
}

async function signInAndGetCode(flow: Flow, personalCode: string): Promise<string> {
  const { callback } = await flow.browser.follow(await submit(flow, 'login', personalCode));
  expect(callback, 'redirect back to the client').toBeDefined();
  expect(callback!.searchParams.get('state')).toBe(flow.state);
  expect(callback!.searchParams.get('error')).toBeNull();
  return callback!.searchParams.get('code')!;
}

function exchange(code: string, verifier: string, secret = CLIENT.client_secret): Promise<Response> {
  const basic = Buffer.from(`${encodeURIComponent(CLIENT.client_id)}:${encodeURIComponent(secret)}`).toString('base64');
  return fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }).toString(),
  });
}

async function verifyIdToken(idToken: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
    issuer: idp.issuer,
    audience: CLIENT.client_id,
    algorithms: ['RS256'],
  });
  return payload;
}

async function signInAndVerify(personalCode: string): Promise<{ claims: JWTPayload; flow: Flow; tokens: TokenResponse }> {
  const flow = await startFlow();
  const code = await signInAndGetCode(flow, personalCode);
  const res = await exchange(code, flow.verifier);
  expect(res.status).toBe(200);
  const tokens = (await res.json()) as TokenResponse;
  return { claims: await verifyIdToken(tokens.id_token), flow, tokens };
}

describe('dev IdP (TARA-like OpenID Connect)', () => {
  it('publishes discovery with TARA endpoint paths', () => {
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/oidc/authorize`,
      token_endpoint: `${idp.issuer}/oidc/token`,
      jwks_uri: `${idp.issuer}/oidc/jwks`,
      userinfo_endpoint: `${idp.issuer}/oidc/profile`,
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      response_types_supported: ['code'],
    });
  });

  it('runs the ID-card authorization code flow with state, nonce and PKCE', async () => {
    const flow = await startFlow();
    expect(flow.page.status).toBe(200);
    expect(flow.html).toContain('<title>Sisene ID-kaardiga (arenduse identiteediteenus)</title>');
    expect(flow.html).toMatch(/<label for="isikukood">Isikukood<\/label>/);
    expect(flow.html).toContain('Mari Tamm');
    expect(flow.browser.cookieNames().every((name) => name.startsWith('devidp_'))).toBe(true);

    const code = await signInAndGetCode(flow, '38001085718');
    const res = await exchange(code, flow.verifier);
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as TokenResponse;
    expect(decodeProtectedHeader(tokens.id_token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });

    const claims = await verifyIdToken(tokens.id_token);
    expect(claims).toMatchObject({
      sub: 'EE38001085718',
      profile_attributes: { given_name: 'JAAK-KRISTJAN', family_name: 'JÕEORG', date_of_birth: '1980-01-08' },
      acr: 'high',
      nonce: flow.nonce,
      at_hash: expect.any(String),
    });
    expect(claims.amr).toContain('idcard');
    const digest = createHash('sha256').update(tokens.access_token).digest();
    expect(claims.at_hash).toBe(b64url(digest.subarray(0, digest.length / 2)));
    expect(claims.exp! - claims.iat!).toBeGreaterThanOrEqual(60);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(120);

    // A code is single use.
    expect((await exchange(code, flow.verifier)).status).toBe(400);
  });

  it('re-renders the page with an error and HTTP 400 for an invalid personal code', async () => {
    const flow = await startFlow();
    const res = await submit(flow, 'login', '38001085719');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Isikukood ei ole korrektne');
    expect(html).toContain('value="38001085719"');
    expect(html).toContain('Isikukood</label>');
  });

  it('issues tokens for any valid personal code, staff or not', async () => {
    const outsider = await signInAndVerify('60001019906');
    expect(outsider.claims).toMatchObject({
      sub: 'EE60001019906',
      profile_attributes: { given_name: 'MARY ÄNN', family_name: 'O’CONNEŽ-ŠUSLIK TESTNUMBER', date_of_birth: '2000-01-01' },
    });
    const unknown = await signInAndVerify('39001011237');
    expect(unknown.claims).toMatchObject({
      sub: 'EE39001011237',
      profile_attributes: { given_name: 'TEST', family_name: 'ISIK-1237', date_of_birth: '1990-01-01' },
    });
  });

  it('serves the same person at the userinfo endpoint', async () => {
    const { tokens } = await signInAndVerify('47805122004');
    const res = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      sub: 'EE47805122004',
      profile_attributes: { given_name: 'MARI', family_name: 'TAMM', date_of_birth: '1978-05-12' },
    });
  });

  it('refuses a wrong client secret and a wrong PKCE verifier at the token endpoint', async () => {
    const flow = await startFlow();
    const code = await signInAndGetCode(flow, '38001085718');
    const wrongSecret = await exchange(code, flow.verifier, 'not-the-secret');
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });

    const flow2 = await startFlow();
    const code2 = await signInAndGetCode(flow2, '38001085718');
    const wrongVerifier = await exchange(code2, b64url(randomBytes(32)));
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('returns error=user_cancel with the state when the user cancels', async () => {
    const flow = await startFlow();
    const { callback } = await flow.browser.follow(await submit(flow, 'cancel'));
    expect(callback).toBeDefined();
    expect(callback!.searchParams.get('error')).toBe('user_cancel');
    expect(callback!.searchParams.get('state')).toBe(flow.state);
    expect(callback!.searchParams.get('code')).toBeNull();
  });

  it('authenticates anew on every request, like TARA (no single sign-on)', async () => {
    const first = await startFlow();
    await signInAndGetCode(first, '47805122004');
    const second = await startFlow(first.browser);
    expect(second.page.status).toBe(200);
    expect(second.html).toContain('Isikukood</label>');
    const code = await signInAndGetCode(second, '38001085718');
    const tokens = (await (await exchange(code, second.verifier)).json()) as TokenResponse;
    expect((await verifyIdToken(tokens.id_token)).sub).toBe('EE38001085718');
  });

  it('requires state on the authorization request', async () => {
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({ client_id: CLIENT.client_id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid' }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('state');
  });

  it('refuses to start with NODE_ENV=production unless DEV_IDP_FORCE=1', async () => {
    // Next's types make NODE_ENV read-only; at run time process.env is an ordinary object.
    const env: Record<string, string | undefined> = process.env;
    const saved = { NODE_ENV: env.NODE_ENV, DEV_IDP_FORCE: env.DEV_IDP_FORCE };
    const port = await freePort();
    const opts = { port, issuer: `http://127.0.0.1:${port}`, clients: [CLIENT] };
    try {
      env.NODE_ENV = 'production';
      delete env.DEV_IDP_FORCE;
      await expect(startDevIdp(opts)).rejects.toThrow(/NODE_ENV=production/);

      env.DEV_IDP_FORCE = '1';
      const forced = await startDevIdp(opts);
      await forced.close();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete env[key];
        else env[key] = value;
      }
    }
  });
});
