// Authentication settings, read from the environment. A missing or unsafe setting makes
// the portal fail closed: every protected page and action refuses, /api/health says why.

export type AuthConfig = {
  secret: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  portalUrl: string;
  /** Methods accepted in the ID token's `amr`. */
  requiredAmr: string;
  scope: string;
  idleSeconds: number;
  maxSeconds: number;
  secureCookies: boolean;
  isDevIssuer: boolean;
};

export type AuthConfigStatus = { ok: true; config: AuthConfig } | { ok: false; problems: string[] };

const positiveInt = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfigStatus {
  const problems: string[] = [];
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET ?? '';
  const issuer = (env.OIDC_ISSUER ?? '').replace(/\/$/, '');
  const clientId = env.OIDC_CLIENT_ID ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  const portalUrl = (env.NEXTAUTH_URL ?? env.PORTAL_URL ?? '').replace(/\/$/, '');
  // The development provider speaks plain http on localhost; trust such an issuer only
  // when the operator says so explicitly.
  const allowDevIssuer = env.OIDC_ALLOW_DEV_ISSUER === 'true';

  if (secret.length < 32) problems.push('AUTH_SECRET is missing or shorter than 32 characters');
  if (!issuer) problems.push('OIDC_ISSUER is missing');
  else if (!/^https:\/\//.test(issuer) && !allowDevIssuer)
    problems.push('OIDC_ISSUER must use https (set OIDC_ALLOW_DEV_ISSUER=true only for the development provider)');
  if (!clientId) problems.push('OIDC_CLIENT_ID is missing');
  if (!clientSecret) problems.push('OIDC_CLIENT_SECRET is missing');
  if (!portalUrl) problems.push('NEXTAUTH_URL (the portal’s public URL) is missing');
  if (problems.length) return { ok: false, problems };

  return {
    ok: true,
    config: {
      secret,
      issuer,
      clientId,
      clientSecret,
      portalUrl,
      requiredAmr: env.OIDC_REQUIRED_AMR ?? 'idcard',
      scope: env.OIDC_SCOPE ?? 'openid idcard',
      idleSeconds: positiveInt(env.SESSION_IDLE_SECONDS, 30 * 60),
      maxSeconds: positiveInt(env.SESSION_MAX_SECONDS, 12 * 60 * 60),
      // Secure cookies whenever the portal is served over https (always in production,
      // where the proxy terminates TLS); the local demo on http://localhost cannot use them.
      secureCookies: portalUrl.startsWith('https://'),
      isDevIssuer: !issuer.startsWith('https://'),
    },
  };
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-toolaud.session' : 'toolaud.session';
}
