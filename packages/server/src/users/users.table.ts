import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
},
  // D10: a platform user has a platform, or its scope would widen to every platform (platform/platform-scope.ts).
  (table) => [check('users_platform_user_has_platform', sql`${table.role} <> 'platform' OR ${table.platformKey} IS NOT NULL`)],
);
