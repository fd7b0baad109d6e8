import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { getDb, selectRows, type Db } from '@/db/client';
import { outboxMessages, type EmailPayload, type WebhookPayload } from '@/db/schema';
import { withRequestContext } from '@/server/observability/context';
import { log as logger } from '@/server/observability/log';
import { readOutboxConfig, retryDelayMs, type OutboxConfig } from './config';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature';

// The outbox worker: claims due messages and delivers them (e-mail over SMTP, webhooks
// over HTTPS), retrying failures with exponential backoff and jitter until a message is
// sent or dead.
//
// Why our own table and not pg-boss or graphile-worker: the portal must run on PGlite
// (one connection, one process: the demo) as well as on PostgreSQL, and both of those
// need a real multi-connection server, LISTEN/NOTIFY and their own schema migrations.
// A claim with `FOR UPDATE SKIP LOCKED` is all the coordination several workers need:
// each claim takes rows no other worker holds, and stamps a lease (claimed_until) rather
// than holding a lock while it sends. A worker killed mid-delivery leaves its lease to
// expire, and another worker retries the message. Delivery is therefore at least once;
// the message id (the e-mail Message-ID, the webhook Idempotency-Key) is the same on
// every attempt so receivers can drop the rare duplicate.

type Claimed = {
  id: string;
  channel: 'email' | 'webhook';
  kind: string;
  payload: EmailPayload | WebhookPayload;
  attempts: number;
  request_id: string | null;
};

export type RunResult = { claimed: number; sent: number; failed: number };

export type OutboxWorker = {
  readonly id: string;
  /** Claims one batch of due messages and delivers it. */
  runOnce(): Promise<RunResult>;
  /** Delivers continuously until stop(). */
  start(): void;
  /** Finishes the batch in hand, then stops and closes the SMTP pool. */
  stop(): Promise<void>;
};

export type WorkerOptions = {
  db?: Db;
  config?: Partial<OutboxConfig>;
  id?: string;
  log?: (entry: Record<string, unknown>) => void;
};

class PermanentError extends Error {}

// JSON lines through the portal's logger (no addresses or codes; the request id of the
// click that queued the message when it is known).
const defaultLog = (entry: Record<string, unknown>) => {
  const level = entry.level === 'error' ? 'error' : entry.level === 'warn' ? 'warn' : 'info';
  const { level: _level, ...rest } = entry;
  logger('outbox')[level](rest);
};

export function messageIdFor(id: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'toolaud.local';
  return `<${id}@${domain}>`;
}

function smtpTransport(url: string): Transporter {
  const u = new URL(url);
  return nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
    secure: u.protocol === 'smtps:',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export function createOutboxWorker(options: WorkerOptions = {}): OutboxWorker {
  const config: OutboxConfig = { ...readOutboxConfig(), ...options.config };
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = options.log ?? defaultLog;
  let transport: Transporter | null = null;
  let running: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;

  const database = async () => options.db ?? (await getDb());

  async function claim(db: Db): Promise<Claimed[]> {
    return selectRows<Claimed>(
      db,
      sql`update ${outboxMessages}
          set claimed_until = now() + (${config.leaseMs}::int * interval '1 millisecond'), claimed_by = ${id}, attempts = attempts + 1
          where id in (
            select id from ${outboxMessages}
            where status = 'pending' and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
            order by next_attempt_at
            limit ${config.batchSize}
            for update skip locked)
          returning id, channel, kind, payload, attempts, request_id`,
    );
  }

  async function sendEmail(message: Claimed) {
    if (!config.smtpUrl) throw new Error('SMTP_URL is not set: e-mail cannot be sent');
    transport ??= smtpTransport(config.smtpUrl);
    const p = message.payload as EmailPayload;
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: p.to,
        subject: p.subject,
        text: p.text,
        html: p.html,
        messageId: messageIdFor(message.id, config.mailFrom),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Toolaud-Kind': message.kind },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx is the server's final word about this message (e.g. no such mailbox).
      if (code && code >= 500) throw new PermanentError((error as Error).message);
      throw error;
    }
  }

  async function sendWebhook(message: Claimed) {
    if (!config.webhookSecret) throw new Error('HELPDESK_WEBHOOK_SECRET is not set: an unsigned webhook is never sent');
    const p = message.payload as WebhookPayload;
    const body = JSON.stringify({ id: message.id, ...p.body });
    const response = await fetch(p.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDEMPOTENCY_HEADER]: message.id,
        [SIGNATURE_HEADER]: signWebhook(config.webhookSecret, body),
        'x-toolaud-event': message.kind,
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    await response.body?.cancel();
    if (response.ok) return;
    const text = `HTTP ${response.status} from ${new URL(p.url).host}`;
    // A 4xx other than timeout/rate limit means the receiver will not take this body.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) throw new PermanentError(text);
    throw new Error(text);
  }

  async function deliver(db: Db, message: Claimed): Promise<boolean> {
    try {
      if (message.channel === 'email') await sendEmail(message);
      else await sendWebhook(message);
      await db
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: sql`now()`, claimedUntil: null, lastError: null })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.claimedBy, id)));
      return true;
    } catch (error) {
      const permanent = error instanceof PermanentError;
      const dead = permanent || message.attempts >= config.maxAttempts;
      const delay = retryDelayMs(message.attempts, config);
      const reason = String((error as Error).message ?? error).slice(0, 500);
      await db
        .update(outboxMessages)
        .set({
          status: dead ? 'dead' : 'pending',
          nextAttemptAt: sql`now() + (${delay}::int * interval '1 millisecond')`,
          claimedUntil: null,
          lastError: reason,
        })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.claimedBy, id)));
      log({ level: dead ? 'error' : 'warn', event: dead ? 'dead' : 'retry', id: message.id, kind: message.kind, attempts: message.attempts, error: reason });
      return false;
    }
  }

  async function runOnce(): Promise<RunResult> {
    const db = await database();
    const batch = await claim(db);
    const results = await Promise.all(batch.map((m) => withRequestContext({ requestId: m.request_id ?? `outbox-${m.id}` }, () => deliver(db, m))));
    const sent = results.filter(Boolean).length;
    return { claimed: batch.length, sent, failed: batch.length - sent };
  }

  async function loop() {
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = (await runOnce()).claimed;
      } catch (error) {
        log({ level: 'error', event: 'run-failed', error: (error as Error).message });
      }
      if (stopping || claimed >= config.batchSize) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    id,
    runOnce,
    start() {
      if (running) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
      running = null;
      transport?.close();
      transport = null;
    },
  };
}
