import client, { Counter, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics of one portal (or worker) process, served by /api/metrics behind a
// token (METRICS_TOKEN). The registry lives on globalThis: the launcher (scripts/start.mjs)
// records request latency and the Next bundle records action errors and PDF render time
// into the same one. Database-backed gauges (outbox depth, pool use) are read when
// scraped, see db-metrics.ts.

export type PortalMetrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  actionErrors: Counter<'action' | 'kind'>;
  rateLimited: Counter<'limit'>;
  pdfRender: Histogram<'template'>;
  outboxDepth: Gauge<'status'>;
  outboxOldestAge: Gauge;
  dbPool: Gauge<'state'>;
};

const key = Symbol.for('toolaud.metrics');
type WithMetrics = typeof globalThis & { [key]?: PortalMetrics };

function create(): PortalMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: process.env.INSTANCE_ID ?? `pid-${process.pid}` });
  client.collectDefaultMetrics({ register: registry, prefix: 'toolaud_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'toolaud_http_request_duration_seconds',
      help: 'Time from request to the end of the response, by route pattern (/dokumendid/[id], not the id).',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    actionErrors: new Counter({
      name: 'toolaud_server_action_errors_total',
      help: 'Server actions that failed, by action and kind (error: unexpected; forbidden; rate_limited).',
      labelNames: ['action', 'kind'],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'toolaud_rate_limited_total',
      help: 'Requests refused by a rate limit, by limit name.',
      labelNames: ['limit'],
      registers: [registry],
    }),
    pdfRender: new Histogram({
      name: 'toolaud_pdf_render_seconds',
      help: 'Time to render one PDF, by template.',
      labelNames: ['template'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: 'toolaud_outbox_messages',
      help: 'Outbox messages by status (pending: due or waiting for a retry; dead: gave up).',
      labelNames: ['status'],
      registers: [registry],
    }),
    outboxOldestAge: new Gauge({
      name: 'toolaud_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest pending outbox message (0 when none).',
      registers: [registry],
    }),
    dbPool: new Gauge({
      name: 'toolaud_db_pool_connections',
      help: "This instance's database connections: max (pool size), open, active (running a query).",
      labelNames: ['state'],
      registers: [registry],
    }),
  };
}

export function metrics(): PortalMetrics {
  const g = globalThis as WithMetrics;
  g[key] ??= create();
  return g[key];
}

/** Times one PDF render into toolaud_pdf_render_seconds (for the certificate issuing). */
export async function timePdfRender<T>(template: string, render: () => Promise<T>): Promise<T> {
  const end = metrics().pdfRender.startTimer({ template });
  try {
    return await render();
  } finally {
    end();
  }
}
