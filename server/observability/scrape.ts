import { getDbHandle } from '@/db/client';
import { collectDbMetrics } from './db-metrics';
import { log } from './log';
import { metrics } from './metrics';

/**
 * This instance's metrics in Prometheus' text format, with the database gauges read now. The
 * process metrics still help when the database is away, so a failed read is logged, not thrown.
 */
export async function scrapeMetrics(): Promise<{ body: string; contentType: string }> {
  try {
    await collectDbMetrics(await getDbHandle());
  } catch (error) {
    log('metrics').warn({ event: 'db-metrics-failed', err: error });
  }
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
