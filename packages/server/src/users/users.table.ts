import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { platforms } from '../reference/reference.table.ts';

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  platformKey: text('platform_key').references(() => platforms.key),
  disabled: boolean('disabled').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Raised on every change; an update naming an older revision gets 409. */
  revision: integer('revision').notNull().default(1),
});
