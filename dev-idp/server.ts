// Development identity provider that behaves like TARA's ID-card flow, so the portal
// can do a real OpenID Connect handshake locally and in e2e tests. Never for production.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type IdToken as IdTokenInstance, type Interaction, type Middleware } from 'oidc-provider';
import { demoChoices, identityFor } from './accounts.ts';
import { errorPage, signInPage } from './page.ts';
import { parsePersonalCode } from '../lib/personal-code.ts';

export type DevIdpClient = {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
};

export type DevIdpOptions = {
  port: number;
  host?: string;
  issuer: string;
  clients: DevIdpClient[];
};

export type DevIdp = { issuer: string; close(): Promise<void> };

// TARA's endpoint paths, so switching the portal to the real TARA only changes the issuer.
export const ROUTES = {
  authorization: '/oidc/authorize',
  jwks: '/oidc/jwks',
  token: '/oidc/token',
  userinfo: '/oidc/profile',
  end_session: '/oidc/logout',
} as const;

// The portal and the IdP share the browser's cookie jar on localhost (cookies ignore ports).
export const COOKIE_NAMES = { session: 'devidp_session', interaction: 'devidp_interaction', resume: 'devidp_resume' } as const;

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|cancel))?$/;
const MAX_FORM_BYTES = 16 * 1024;

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // No form-action: Chrome applies it to the redirect chain back to the client.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, HTML_HEADERS);
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) throw new Error('form body too large');
  }
  return new URLSearchParams(body);
}

/** oidc-provider errors (expired interaction, missing cookie...) carry an OAuth error code. */
const isOidcError = (err: unknown): err is Error & { error: string } => err instanceof Error && typeof (err as { error?: unknown }).error === 'string';

export function assertNotProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production' && env.DEV_IDP_FORCE !== '1') {
    throw new Error(
      'dev-idp refuses to start with NODE_ENV=production: it signs in anyone without a real ID card. ' +
        'Set DEV_IDP_FORCE=1 only if you really mean to run it (e.g. a production build under e2e test).',
    );
  }
}

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

function configuration(opts: DevIdpOptions, key: Awaited<ReturnType<typeof signingKey>>): Configuration {
  return {
    clients: opts.clients.map((c) => ({
      ...c,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    })),
    clientAuthMethods: ['client_secret_basic'],
    responseTypes: ['code'],
    scopes: ['openid', 'idcard', 'mid', 'smartid'],
    // TARA puts the person into the ID token for every authentication method, so the
    // claims hang off `openid`; `idcard` etc. only choose the method.
    claims: { openid: ['sub', 'profile_attributes', 'amr', 'acr'], idcard: [], mid: [], smartid: [] },
    acrValues: ['high', 'substantial', 'low'],
    // Otherwise oidc-provider moves scope claims to the userinfo endpoint whenever an access token is issued.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const identity = identityFor(sub);
      return identity && { accountId: identity.sub, claims: () => ({ ...identity }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    jwks: { keys: [key] },
    cookies: { names: COOKIE_NAMES, keys: [randomBytes(32).toString('base64url')] },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      userinfo: { enabled: true },
    },
    // PKCE is checked whenever the client sends code_challenge, but not demanded (TARA doesn't).
    pkce: { required: () => false },
    routes: ROUTES,
    ttl: { IdToken: 60, AuthorizationCode: 60, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(out.error_description ? `${out.error}: ${out.error_description}` : out.error);
    },
  };
}

export async function startDevIdp(opts: DevIdpOptions): Promise<DevIdp> {
  assertNotProduction();

  const provider = new Provider(opts.issuer, configuration(opts, await signingKey()));
  provider.proxy = false;
  provider.on('server_error', (_ctx: unknown, err: unknown) => {
    console.error('dev-idp: server error:', err instanceof Error ? err.message : String(err));
  });

  const taraRules: Middleware = async (ctx, next) => {
    if (ctx.path === ROUTES.authorization) {
      if (ctx.method !== 'GET') {
        ctx.status = 405;
        ctx.type = 'html';
        ctx.body = errorPage('Autentimispäring peab olema HTTP GET päring.');
        return;
      }
      if (typeof ctx.query.state !== 'string' || ctx.query.state === '') {
        ctx.status = 400;
        ctx.type = 'html';
        ctx.body = errorPage('invalid_request: päringus puudub kohustuslik parameeter state.');
        return;
      }
      // TARA has no single sign-on: every authorization request authenticates anew, so
      // e.g. signing out of the portal and in as someone else shows the sign-in page again.
      const sessionId = ctx.cookies.get(COOKIE_NAMES.session, { signed: true });
      if (sessionId) await (await provider.Session.find(sessionId))?.destroy();
    }
    await next();
  };
  provider.use(taraRules);

  // oidc-provider only puts at_hash into ID tokens from the authorization endpoint (as the
  // spec allows); TARA also sends it from the token endpoint. Its issue() hashes the value.
  const { IdToken } = provider;
  const issue = IdToken.prototype.issue;
  IdToken.prototype.issue = function (this: IdTokenInstance, options) {
    const accessToken = this.ctx?.oidc?.entities.AccessToken;
    if (options.use === 'idtoken' && this.ctx?.oidc?.route === 'token' && accessToken) this.set('at_hash', accessToken.jti);
    return issue.call(this, options);
  };

  async function grantConsent(req: IncomingMessage, res: ServerResponse, interaction: Interaction): Promise<void> {
    const accountId = interaction.session?.accountId;
    const clientId = interaction.params.client_id;
    if (!accountId || typeof clientId !== 'string') {
      sendHtml(res, 400, errorPage('Autentimise seanss puudub.'));
      return;
    }
    const grant = (interaction.grantId && (await provider.Grant.find(interaction.grantId))) || new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims } = interaction.prompt.details;
    if (Array.isArray(missingOIDCScope)) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.map(String));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function signIn(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const value = (await readForm(req)).get('personal_code') ?? '';
    const parsed = parsePersonalCode(value);
    if (!parsed.ok) {
      sendHtml(res, 400, signInPage({ uid, choices: demoChoices(), value, error: 'Isikukood ei ole korrektne' }));
      return;
    }
    const login = { accountId: `EE${parsed.value.code}`, acr: 'high', amr: ['idcard'], remember: false };
    await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, uid: string, action?: string): Promise<void> {
    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(req, res);
    } catch (err) {
      if (!isOidcError(err)) throw err;
      sendHtml(res, 400, errorPage('Autentimise seanss on aegunud või puudub.'));
      return;
    }
    if (interaction.uid !== uid) {
      sendHtml(res, 400, errorPage('Autentimise seanss ei vasta päringule.'));
      return;
    }
    const prompt = interaction.prompt.name;

    if (req.method === 'GET' && !action && prompt === 'login') {
      sendHtml(res, 200, signInPage({ uid, choices: demoChoices() }));
    } else if (req.method === 'GET' && !action && prompt === 'consent') {
      // TARA never asks for consent; the portal is a first-party client.
      await grantConsent(req, res, interaction);
    } else if (req.method === 'POST' && action === 'login' && prompt === 'login') {
      await signIn(req, res, uid);
    } else if (req.method === 'POST' && action === 'cancel') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'user_cancel', error_description: 'Kasutaja katkestas autentimise.' },
        { mergeWithLastSubmission: false },
      );
    } else {
      sendHtml(res, 405, errorPage('Seda toimingut ei saa praegu teha.'));
    }
  }

  const delegate = provider.callback();
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://dev-idp.invalid');
    const match = INTERACTION_PATH.exec(pathname);
    const handled = match ? handleInteraction(req, res, match[1]!, match[2]) : delegate(req, res);
    handled.catch((err: unknown) => {
      console.error('dev-idp: request failed:', err instanceof Error ? err.message : String(err));
      if (res.headersSent) res.destroy();
      else sendHtml(res, 500, errorPage('Sisemine viga.'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    issuer: provider.issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
