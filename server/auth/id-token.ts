import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

// Checks of a TARA ID token (TARA technical specification v1.21, "Identity token"):
// RS256 signed with the key named by `kid` in the issuer's JWKS; `iss` exact; `aud` our
// client id, and when `aud` names others too, `azp` must be ours (OpenID Connect Core
// 3.1.3.7); issued no later than now (give or take the clock skew) and no longer ago than
// the maximum age; not expired; `nonce` as sent; `amr` an array holding the method we asked
// for; `acr` substantial or high (never low); `sub` = country prefix + personal code.

export type TaraClaims = {
  sub: string;
  personalCode: string;
  country: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  amr: string[];
  acr: string;
};

export class IdTokenError extends Error {
  constructor(readonly reason: string) {
    super(`ID token refused: ${reason}`);
  }
}

type ProfileAttributes = { given_name?: unknown; family_name?: unknown; date_of_birth?: unknown };

/** Clocks of the portal and the identity provider may differ by this much. */
export const ID_TOKEN_CLOCK_SKEW_SECONDS = 10;
/** A token is checked right after the code exchange (TARA's live 40 s): older is a replay. */
export const ID_TOKEN_MAX_AGE_SECONDS = 300;

const jwksCache = new Map<string, JWTVerifyGetKey>();

/** JWKS of an issuer, fetched lazily and cached (jose refreshes it when a new kid appears). */
export function issuerJwks(jwksUri: string): JWTVerifyGetKey {
  let jwks = jwksCache.get(jwksUri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(jwksUri));
    jwksCache.set(jwksUri, jwks);
  }
  return jwks;
}

export async function verifyTaraIdToken(
  token: string,
  options: {
    issuer: string;
    clientId: string;
    keys: JWTVerifyGetKey | CryptoKey | Uint8Array;
    requiredAmr: string;
    expectedNonce?: string;
    currentDate?: Date;
    maxAgeSeconds?: number;
  },
): Promise<TaraClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, options.keys as JWTVerifyGetKey, {
      algorithms: ['RS256'],
      issuer: options.issuer,
      audience: options.clientId,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: ID_TOKEN_CLOCK_SKEW_SECONDS,
      currentDate: options.currentDate,
    }));
  } catch (error) {
    throw new IdTokenError((error as { code?: string }).code ?? 'invalid');
  }
  checkAudience(payload, options.clientId);
  checkIssuedAt(payload, options.currentDate ?? new Date(), options.maxAgeSeconds ?? ID_TOKEN_MAX_AGE_SECONDS);
  return checkTaraClaims(payload, options);
}

/** `aud` holds our client id (jose checked it); another party's `azp` is never ours. */
function checkAudience(payload: JWTPayload, clientId: string): void {
  const several = Array.isArray(payload.aud) && payload.aud.length > 1;
  if (several && payload.azp === undefined) throw new IdTokenError('azp');
  if (payload.azp !== undefined && payload.azp !== clientId) throw new IdTokenError('azp');
}

function checkIssuedAt(payload: JWTPayload, now: Date, maxAgeSeconds: number): void {
  const iat = payload.iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new IdTokenError('iat');
  const age = now.getTime() / 1000 - iat;
  if (age < -ID_TOKEN_CLOCK_SKEW_SECONDS) throw new IdTokenError('iat_future');
  if (age > maxAgeSeconds + ID_TOKEN_CLOCK_SKEW_SECONDS) throw new IdTokenError('too_old');
}

export function checkTaraClaims(payload: JWTPayload, options: { requiredAmr: string; expectedNonce?: string }): TaraClaims {
  if (options.expectedNonce !== undefined && payload.nonce !== options.expectedNonce) throw new IdTokenError('nonce');
  const amr = payload.amr;
  if (!Array.isArray(amr) || !amr.every((m) => typeof m === 'string')) throw new IdTokenError('amr');
  if (!amr.includes(options.requiredAmr)) throw new IdTokenError('amr');
  const acr = payload.acr;
  if (acr !== 'high' && acr !== 'substantial') throw new IdTokenError('acr');
  const match = /^([A-Z]{2})(.+)$/.exec(String(payload.sub ?? ''));
  if (!match) throw new IdTokenError('sub');
  const attrs = (payload.profile_attributes ?? {}) as ProfileAttributes;
  if (typeof attrs.given_name !== 'string' || typeof attrs.family_name !== 'string') throw new IdTokenError('profile_attributes');
  return {
    sub: payload.sub!,
    country: match[1]!,
    personalCode: match[2]!,
    givenName: attrs.given_name,
    familyName: attrs.family_name,
    dateOfBirth: typeof attrs.date_of_birth === 'string' ? attrs.date_of_birth : null,
    amr: amr as string[],
    acr,
  };
}
