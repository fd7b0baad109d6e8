// The identity provider's discovery document (OpenID Connect Discovery 1.0), fetched once
// per issuer. Its `issuer` must be exactly the configured OIDC_ISSUER (§ 4.3): a document
// naming another issuer would have us trust that issuer's keys and endpoints.

export type Discovery = { issuer: string; jwks_uri: string; code_challenge_methods_supported?: string[] };

export class DiscoveryError extends Error {}

const discoveryCache = new Map<string, Promise<Discovery>>();

/** `issuer` is the configured one, which `readAuthConfig` keeps without a trailing slash. */
export function checkDiscovery(document: unknown, issuer: string): Discovery {
  const doc = (document ?? {}) as Partial<Discovery>;
  if (typeof doc.issuer !== 'string' || doc.issuer.replace(/\/$/, '') !== issuer)
    throw new DiscoveryError(`OIDC discovery names issuer ${JSON.stringify(doc.issuer)}, not the configured ${JSON.stringify(issuer)}`);
  if (typeof doc.jwks_uri !== 'string') throw new DiscoveryError('OIDC discovery has no jwks_uri');
  return doc as Discovery;
}

export function discover(issuer: string, fetchImpl: typeof fetch = fetch): Promise<Discovery> {
  let found = discoveryCache.get(issuer);
  if (!found) {
    found = fetchImpl(`${issuer}/.well-known/openid-configuration`).then(async (res) => {
      if (!res.ok) throw new DiscoveryError(`OIDC discovery failed: HTTP ${res.status}`);
      return checkDiscovery(await res.json(), issuer);
    });
    found.catch(() => discoveryCache.delete(issuer));
    discoveryCache.set(issuer, found);
  }
  return found;
}
