import { timingSafeEqual } from 'node:crypto';
import { scrapeMetrics } from '@/server/observability/scrape';

export const dynamic = 'force-dynamic';

// Prometheus scrape endpoint of this instance. Closed (404) unless METRICS_TOKEN is set,
// and then only for `Authorization: Bearer <METRICS_TOKEN>`; nginx also refuses the path
// from outside (deploy/nginx), so Prometheus scrapes each instance on its own port.
export async function GET(request: Request) {
  const token = process.env.METRICS_TOKEN;
  if (!token || token.length < 16) return new Response('Not found', { status: 404 });
  const given = Buffer.from(request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  }
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
