import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './org';

// The portal's one notification mechanism. In-app notifications are rows here, written
// in the caller's transaction (showing them needs no delivery). E-mails and webhooks go
// through the transactional outbox: written in the same transaction as the change they
// announce, delivered afterwards by the worker (server/notifications/worker.ts).

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    // The recipient takes this kind of notice by e-mail once a day: the digest job sends it
    // with the others and clears the mark (server/notifications/digest.ts).
    digestPending: boolean('digest_pending').notNull().default(false),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt),
    index('notifications_digest_idx')
      .on(t.recipientId)
      .where(sql`digest_pending`),
  ],
);

export const emailModeEnum = pgEnum('email_mode', ['immediate', 'digest', 'off']);

// How a person takes each kind of notice by e-mail (lib/notification-kinds.ts); no row is
// "immediately". In-app notifications are always written.
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: emailModeEnum('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.kind] })],
);

export const outboxChannelEnum = pgEnum('outbox_channel', ['email', 'webhook']);
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'dead']);

export type EmailPayload = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The version of each set of notice texts the e-mail was written with (templates/notices/texts.ts). */
  texts?: Record<string, number>;
};
export type WebhookPayload = { url: string; body: Record<string, unknown> };

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    // Also the message's identity towards receivers: the e-mail Message-ID and the
    // webhook idempotency key derive from it, so every retry carries the same one.
    id: uuid('id').primaryKey().defaultRandom(),
    channel: outboxChannelEnum('channel').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<EmailPayload | WebhookPayload>().notNull(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // A lease, not a lock: a worker that dies mid-delivery holds the message only
    // until then, and another worker retries it.
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    lastError: text('last_error'),
    // The request that queued it (x-request-id), to follow a notice from the click to the mail.
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index('outbox_status_idx').on(t.status, t.createdAt),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
