// oidc-provider 9 ships no type declarations and @types/oidc-provider is not a
// dependency, so this declares just the part of its API the dev IdP uses.
// If @types/oidc-provider is ever added, delete this file.

declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  export type UnknownObject = Record<string, unknown>;

  /** The subset of the Koa context (with ctx.oidc) that the dev IdP touches. */
  export interface KoaContextWithOIDC {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    status: number;
    type: string;
    body: unknown;
    cookies: { get(name: string, opts?: { signed?: boolean }): string | undefined };
    oidc?: OIDCContext;
  }

  export interface OIDCContext {
    route: string;
    entities: { AccessToken?: { jti: string }; [entity: string]: unknown };
  }

  export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export interface AccountClaims extends UnknownObject {
    sub: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: UnknownObject, rejected: string[]): AccountClaims | Promise<AccountClaims>;
  }

  export interface ClientMetadata extends UnknownObject {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
  }

  type FeatureToggle = { enabled: boolean };
  type Ttl = number | ((ctx: KoaContextWithOIDC, ...rest: unknown[]) => number);

  export interface Configuration {
    acrValues?: string[];
    claims?: Record<string, string[] | null>;
    clientAuthMethods?: string[];
    clientDefaults?: Partial<ClientMetadata>;
    clients?: ClientMetadata[];
    conformIdTokenClaims?: boolean;
    cookies?: {
      names?: { session?: string; interaction?: string; resume?: string };
      keys?: string[];
      long?: UnknownObject;
      short?: UnknownObject;
    };
    features?: Partial<
      Record<
        | 'devInteractions'
        | 'dPoP'
        | 'pushedAuthorizationRequests'
        | 'resourceIndicators'
        | 'rpInitiatedLogout'
        | 'userinfo'
        | 'introspection'
        | 'revocation'
        | 'registration',
        FeatureToggle
      >
    >;
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: unknown) => Promise<Account | undefined>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => string | Promise<string> };
    jwks?: { keys: JWK[] };
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: unknown) => boolean };
    renderError?: (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }, error: Error) => void | Promise<void>;
    responseTypes?: string[];
    routes?: Partial<Record<'authorization' | 'jwks' | 'token' | 'userinfo' | 'end_session', string>>;
    scopes?: string[];
    ttl?: Partial<Record<'AccessToken' | 'AuthorizationCode' | 'IdToken' | 'Interaction' | 'Session' | 'Grant', Ttl>>;
  }

  export interface LoginResult {
    accountId: string;
    acr?: string;
    amr?: string[];
    remember?: boolean;
    ts?: number;
  }

  export interface InteractionResults {
    login?: LoginResult;
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface Interaction {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: UnknownObject };
    params: UnknownObject;
    session?: { accountId: string; uid?: string };
    grantId?: string;
    lastSubmission?: InteractionResults;
  }

  export interface Grant {
    jti?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface IdToken {
    ctx?: KoaContextWithOIDC;
    set(claim: string, value: unknown): void;
    issue(options: { use: string; expiresAt?: number | null }): Promise<string>;
  }

  export interface Session {
    destroy(): Promise<void>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    readonly IdToken: { prototype: IdToken };
    readonly Session: { find(id: string): Promise<Session | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: Middleware): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    cookieName(type: 'session' | 'interaction' | 'resume'): string;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }

  export default Provider;
}
