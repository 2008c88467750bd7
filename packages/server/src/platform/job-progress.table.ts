import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Issue #15: the progress of imports and runs where every server process on the same PostgreSQL reads it (the page
 * may poll a process other than the one doing the work). One row per job (`kind:key`), the latest report only.
 */
export const jobProgress = pgTable('job_progress', {
  id: text('id').primaryKey(),
  owner: text('owner').notNull(),
  progress: jsonb('progress').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
});
