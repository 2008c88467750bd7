import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins per normalised login name, known or not (#10.8): an unknown name locks like a real one, so
 * the answers do not tell which accounts exist. An attempt is counted here before its password is checked (#10.1).
 */
export const loginFailures = pgTable('login_failures', {
  nameKey: text('name_key').primaryKey(),
  /** Attempts in a row not (yet) known to have succeeded, this one included. */
  attempts: integer('attempts').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
});
