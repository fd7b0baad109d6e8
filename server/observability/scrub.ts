// What must never reach an application log: Estonian personal codes (they belong in the
// audit trail only), tokens and secrets, e-mail addresses. Applied to every string of
// every log line, whatever the key, because an error message can carry them too.

// 11 digits starting with a century/sex digit 1–6, not part of a longer number.
const PERSONAL_CODE = /(?<!\d)[1-6]\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{4}(?!\d)/g;
// EE-prefixed subjects as TARA sends them (EE38001085718).
const TARA_SUBJECT = /\b[A-Z]{2}[1-6]\d{10}\b/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s:@/]+:[^\s@/]+@/gi;
// JWTs and long opaque tokens (session tokens are 43 base64url characters).
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const QUERY_SECRET = /([?&](?:code|state|token|access_token|id_token|nonce|session_state|client_secret)=)[^&\s#]+/gi;

// drizzle's "Failed query: … params: …" carries the values (codes, names, token hashes).
const QUERY_PARAMS = /(\bparams: )(?:\[[\s\S]*?\n\s*\]|[^\n]*)/g;
// 64 hex digits: SHA-256 of a session token (or of anything else worth not printing).
const HEX64 = /\b[0-9a-f]{64}\b/g;

export function scrubString(value: string): string {
  return value
    .replace(QUERY_PARAMS, '$1[redacted]')
    .replace(HEX64, '[hash]')
    .replace(JWT, '[token]')
    .replace(BEARER, '$1 [token]')
    .replace(URL_CREDENTIALS, '$1[credentials]@')
    .replace(QUERY_SECRET, '$1[redacted]')
    .replace(TARA_SUBJECT, '[isikukood]')
    .replace(PERSONAL_CODE, '[isikukood]')
    .replace(EMAIL, '$1…@$2');
}

const SECRET_KEYS =
  /^(password|pass|secret|token|sessiontoken|authorization|cookie|set-cookie|personalcode|actorcode|subjectcode|idtoken|id_token|access_token|refresh_token|code_verifier|client_secret)$/i;

/** A copy of `value` with secrets removed, safe to log; cycles and depth are bounded. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[depth]';
  if (value instanceof Error) {
    const cause = value.cause instanceof Error ? { cause: scrub(value.cause, depth + 1) } : {};
    return { type: value.name, message: scrubString(value.message), stack: scrubString(value.stack ?? ''), ...cause };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEYS.test(k.replace(/[-_]/g, '')) || SECRET_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1);
  }
  return out;
}
