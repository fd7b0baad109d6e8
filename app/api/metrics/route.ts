import { timingSafeEqual } from 'node:crypto';
import { getDbHandle } from '@/db/client';
import { collectDbMetrics } from '@/server/observability/db-metrics';
import { log } from '@/server/observability/log';
import { metrics } from '@/server/observability/metrics';

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
  try {
    await collectDbMetrics(await getDbHandle());
  } catch (error) {
    // The process metrics still help when the database is away.
    log('metrics').warn({ event: 'db-metrics-failed', err: error });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
