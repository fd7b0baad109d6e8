// Delivery settings, from the environment (README, "Configuration"). Read when used, not
// at import, so tests and the worker script can set them first.

export type OutboxConfig = {
  smtpUrl: string | null;
  mailFrom: string;
  portalUrl: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  leaseMs: number;
  pollMs: number;
  batchSize: number;
};

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function readOutboxConfig(env: Record<string, string | undefined> = process.env): OutboxConfig {
  return {
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Töölaud <toolaud@sotsiaalkindlustusamet.ee>',
    portalUrl: (env.PORTAL_URL || env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/$/, ''),
    webhookUrl: env.HELPDESK_WEBHOOK_URL || null,
    webhookSecret: env.HELPDESK_WEBHOOK_SECRET || null,
    maxAttempts: Math.max(1, num(env.OUTBOX_MAX_ATTEMPTS, 8)),
    backoffBaseMs: num(env.OUTBOX_BACKOFF_SECONDS, 30) * 1000,
    backoffMaxMs: num(env.OUTBOX_BACKOFF_MAX_SECONDS, 3600) * 1000,
    leaseMs: Math.max(1, num(env.OUTBOX_LEASE_SECONDS, 120)) * 1000,
    pollMs: Math.max(50, num(env.OUTBOX_POLL_MS, 2000)),
    batchSize: Math.max(1, num(env.OUTBOX_BATCH, 20)),
  };
}

/**
 * Whether this portal process runs the delivery worker itself. PGlite is single-process,
 * so the demo must; with PostgreSQL production runs `npm run worker` as its own process.
 */
export function runsInlineWorker(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OUTBOX_WORKER === 'inline') return true;
  if (env.OUTBOX_WORKER === 'off') return false;
  return !env.DATABASE_URL;
}

/** Exponential backoff with jitter: base·2^(attempt−1), capped, then scaled by 50–100 %. */
export function retryDelayMs(attempt: number, config: Pick<OutboxConfig, 'backoffBaseMs' | 'backoffMaxMs'>, random = Math.random): number {
  const exponential = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}
