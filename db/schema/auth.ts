import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './org';

// The portal's own sessions. Only a SHA-256 of the cookie value is stored, so a copy of
// the table cannot be replayed as cookies.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    // Absolute end (sign-in + the configured maximum), fixed at creation.
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    role: text('role'),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

export type Session = typeof sessions.$inferSelect;
