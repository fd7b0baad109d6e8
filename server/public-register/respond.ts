import 'server-only';
import { PUBLIC_CACHE_CONTROL } from '@/lib/public-locale';
import { etagOf } from './open-data';

/** A cacheable public answer with its ETag; 304 when the client already has these bytes. */
export function publicResponse(request: Request, body: string, contentType: string): Response {
  const etag = etagOf(body);
  const headers = { 'content-type': contentType, 'cache-control': PUBLIC_CACHE_CONTROL, etag, vary: 'Accept-Language, Cookie' };
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

/** A refused search: told when to come back, and never cached. */
export function limitedResponse(retryAfterSeconds: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(retryAfterSeconds) },
  });
}

/** A search that ran past its time limit: asked to narrow it, and never cached. */
export function tooBroadResponse(message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status: 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '10' },
  });
}
