import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// Rate limits shared by every portal instance: one row per limited key and fixed time
// window, counted up by a single atomic upsert per attempt (server/ops/rate-limit.ts).
// Rows of past windows are deleted as new windows start.
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    // `<limit>:<scope>:<subject>`, e.g. `incident:person:<staff id>` or `signin:ip:203.0.113.5`.
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
