import { describe, expect, it } from 'vitest';
import { checkDiscovery, discover, DiscoveryError } from './discovery';

const ISSUER = 'https://tara-test.ria.ee';
const document = (issuer: unknown) => ({ issuer, jwks_uri: `${ISSUER}/oidc/jwks`, code_challenge_methods_supported: ['S256'] });

describe('the identity provider’s discovery document', () => {
  it('is accepted when its issuer is the configured one', () => {
    expect(checkDiscovery(document(ISSUER), ISSUER).jwks_uri).toBe(`${ISSUER}/oidc/jwks`);
  });

  it.each(['https://evil.example', 'https://tara.ria.ee', 'http://tara-test.ria.ee', 'https://TARA-TEST.ria.ee', `${ISSUER}/x`, '', undefined, 42])(
    'is refused when its issuer is %j',
    (issuer) => {
      expect(() => checkDiscovery(document(issuer), ISSUER)).toThrow(DiscoveryError);
    },
  );

  it('is refused without a jwks_uri', () => {
    expect(() => checkDiscovery({ issuer: ISSUER }, ISSUER)).toThrow(DiscoveryError);
  });

  it('as fetched: another issuer fails the sign-in set-up, and is asked for again next time', async () => {
    const issuer = 'https://idp.example.ee';
    let calls = 0;
    let answer = document('https://evil.example');
    const fake = (async () => {
      calls += 1;
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    await expect(discover(issuer, fake)).rejects.toThrow(DiscoveryError);
    answer = document(issuer);
    await expect(discover(issuer, fake)).resolves.toMatchObject({ issuer });
    expect(calls).toBe(2);
  });
});
