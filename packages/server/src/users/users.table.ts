import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { platforms } from '../reference/reference.table.ts';
import type { AccountChangeKind, AccountSnapshot, PlatformKey, Role } from '@pgs/domain';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    platformKey: text('platform_key')
      .$type<PlatformKey>()
      .references(() => platforms.key),
    disabled: boolean('disabled').notNull().default(false),
    /** #10.11: the password was set by the admin or the operator; every route but the password change answers 403. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** #10.10: hashes of the last PASSWORD_HISTORY_SIZE passwords before the current one, newest first. */
    passwordHistory: text('password_history').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Raised on every change; an update naming an older version gets 409 STALE_VERSION. */
    version: integer('version').notNull().default(1),
  },
  // D10: a platform user has a platform, or its scope would widen to every platform (platform/platform-scope.ts).
  (table) => [
    check('users_platform_user_has_platform', sql`${table.role} <> 'platform' OR ${table.platformKey} IS NOT NULL`),
  ],
);

/**
 * Every account change the admin or the operator makes, for the auditor's review (三员分立, #10.11). The audit
 * trail keeps the same events in its chain; this list adds the review state, which the trail cannot (append-only).
 */
export const accountChanges = pgTable('account_changes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  kind: text('kind').$type<AccountChangeKind>().notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  actorDisplayName: text('actor_display_name').notNull(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  username: text('username').notNull(),
  before: jsonb('before').$type<AccountSnapshot>(),
  after: jsonb('after').$type<AccountSnapshot>(),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: text('reviewed_by'),
});
