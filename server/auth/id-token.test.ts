import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID_TOKEN_CLOCK_SKEW_SECONDS, ID_TOKEN_MAX_AGE_SECONDS, IdTokenError, verifyTaraIdToken } from './id-token';

const ISSUER = 'https://tara-test.ria.ee';
const CLIENT = 'toolaud';

let sign: (claims: JWTPayload, opts?: { kid?: string; exp?: number; iat?: number; key?: CryptoKey; aud?: string | string[] }) => Promise<string>;
let keys: ReturnType<typeof createLocalJWKSet>;
let otherKey: CryptoKey;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  otherKey = (await generateKeyPair('RS256')).privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  sign = (claims, opts = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'k1' })
      .setIssuer(ISSUER)
      .setAudience(opts.aud ?? CLIENT)
      .setIssuedAt(opts.iat ?? now)
      .setExpirationTime(opts.exp ?? now + 40)
      .sign(opts.key ?? privateKey);
  };
});

// The specification's example token (TARA technical specification, "Identity token").
const taraClaims = {
  sub: 'EE60001019906',
  profile_attributes: { date_of_birth: '2000-01-01', family_name: 'O’CONNEŽ-ŠUSLIK TESTNUMBER', given_name: 'MARY ÄNN' },
  amr: ['idcard'],
  acr: 'high',
  nonce: 'qwerty-nonce-1234',
  at_hash: 'X0MVjwrmMQs/IBzfU2osvw==',
};

const verify = (token: string, extra: { expectedNonce?: string; requiredAmr?: string } = {}) =>
  verifyTaraIdToken(token, {
    issuer: ISSUER,
    clientId: CLIENT,
    keys,
    requiredAmr: extra.requiredAmr ?? 'idcard',
    expectedNonce: extra.expectedNonce ?? 'qwerty-nonce-1234',
  });

async function refusal(token: Promise<string>, extra?: { expectedNonce?: string; requiredAmr?: string }) {
  try {
    await verify(await token, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(IdTokenError);
    return (error as IdTokenError).reason;
  }
  throw new Error('token was accepted');
}

describe('TARA ID token', () => {
  it('accepts a well-formed token and reads the person from it', async () => {
    const claims = await verify(await sign(taraClaims));
    expect(claims).toMatchObject({
      personalCode: '60001019906',
      country: 'EE',
      givenName: 'MARY ÄNN',
      familyName: 'O’CONNEŽ-ŠUSLIK TESTNUMBER',
      dateOfBirth: '2000-01-01',
      acr: 'high',
    });
  });

  it('accepts acr substantial', async () => {
    await expect(verify(await sign({ ...taraClaims, acr: 'substantial' }))).resolves.toMatchObject({ acr: 'substantial' });
  });

  it('refuses a token for another client (aud)', async () => {
    expect(await refusal(sign(taraClaims, { aud: 'someone-else' }))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a token whose amr lacks idcard', async () => {
    expect(await refusal(sign({ ...taraClaims, amr: ['mID'] }))).toBe('amr');
    expect(await refusal(sign({ ...taraClaims, amr: 'idcard' }))).toBe('amr');
  });

  it('refuses acr low', async () => {
    expect(await refusal(sign({ ...taraClaims, acr: 'low' }))).toBe('acr');
    expect(await refusal(sign({ ...taraClaims, acr: undefined }))).toBe('acr');
  });

  it('refuses a wrong or missing nonce', async () => {
    expect(await refusal(sign(taraClaims), { expectedNonce: 'another-nonce' })).toBe('nonce');
    expect(await refusal(sign({ ...taraClaims, nonce: undefined }))).toBe('nonce');
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    expect(await refusal(sign(taraClaims, { exp: past }))).toBe('ERR_JWT_EXPIRED');
  });

  it('refuses a token signed by a key not in the JWKS, or with an unknown kid', async () => {
    expect(await refusal(sign(taraClaims, { key: otherKey }))).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(await refusal(sign(taraClaims, { kid: 'unknown' }))).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('refuses another issuer and an unsigned token', async () => {
    const wrongIss = await new SignJWT(taraClaims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://evil.example')
      .setAudience(CLIENT)
      .setIssuedAt()
      .setExpirationTime('40s')
      .sign(new Uint8Array(32));
    expect(await refusal(Promise.resolve(wrongIss))).not.toBeNull();
  });

  it('refuses a subject without a country prefix', async () => {
    expect(await refusal(sign({ ...taraClaims, sub: '60001019906' }))).toBe('sub');
  });

  it('refuses an azp other than ours, and a token for several audiences without an azp', async () => {
    expect(await refusal(sign({ ...taraClaims, azp: 'someone-else' }))).toBe('azp');
    expect(await refusal(sign({ ...taraClaims, azp: 'someone-else' }, { aud: [CLIENT, 'someone-else'] }))).toBe('azp');
    expect(await refusal(sign(taraClaims, { aud: [CLIENT, 'someone-else'] }))).toBe('azp');
    await expect(verify(await sign({ ...taraClaims, azp: CLIENT }, { aud: [CLIENT, 'someone-else'] }))).resolves.toMatchObject({
      personalCode: '60001019906',
    });
    await expect(verify(await sign({ ...taraClaims, azp: CLIENT }))).resolves.toMatchObject({ personalCode: '60001019906' });
  });

  it('refuses a token issued in the future beyond the clock skew, and allows the skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(sign(taraClaims, { iat: now + ID_TOKEN_CLOCK_SKEW_SECONDS + 30, exp: now + 120 }))).toBe('iat_future');
    await expect(verify(await sign(taraClaims, { iat: now + ID_TOKEN_CLOCK_SKEW_SECONDS - 5 }))).resolves.toBeTruthy();
  });

  it('refuses a token older than the maximum age even while it has not expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = now - ID_TOKEN_MAX_AGE_SECONDS - ID_TOKEN_CLOCK_SKEW_SECONDS - 60;
    expect(await refusal(sign(taraClaims, { iat: old, exp: now + 3600 }))).toBe('too_old');
    await expect(verify(await sign(taraClaims, { iat: now - 60, exp: now + 3600 }))).resolves.toBeTruthy();
  });
});
