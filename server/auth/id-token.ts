import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

// Checks of a TARA ID token (TARA technical specification v1.21, "Identity token"):
// RS256 signed with the key named by `kid` in the issuer's JWKS; `iss` exact; `aud` our
// client id; not expired; `nonce` as sent; `amr` an array holding the method we asked
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
  },
): Promise<TaraClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, options.keys as JWTVerifyGetKey, {
      algorithms: ['RS256'],
      issuer: options.issuer,
      audience: options.clientId,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 10,
      currentDate: options.currentDate,
    }));
  } catch (error) {
    throw new IdTokenError((error as { code?: string }).code ?? 'invalid');
  }
  return checkTaraClaims(payload, options);
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
