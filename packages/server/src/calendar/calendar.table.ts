import type { Festival } from '@pgs/domain';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The national holiday calendar, one row per year as entered from the 国务院办公厅 notice (R2.8 working days; the
 * assessment's 5-working-day public notice). `festivals` is the domain's Festival[]; `version` for 409 on stale.
 */
export const holidayCalendars = pgTable('holiday_calendars', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  festivals: jsonb('festivals').$type<Festival[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  updatedBy: text('updated_by').notNull(),
});
