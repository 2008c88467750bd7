import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { holidayCalendars } from './calendar.table.ts';

/** SQL only (STYLE.md): the holiday calendar's rows, one per year. */

export type CalendarRow = typeof holidayCalendars.$inferSelect;
type CalendarValues = Omit<typeof holidayCalendars.$inferInsert, 'year' | 'version'>;

/** Every year (a few rows: read whole). */
export async function allCalendars(db: Db | Tx): Promise<CalendarRow[]> {
  return db.select().from(holidayCalendars);
}

export async function calendarYears(db: Db): Promise<{ year: number; source: string }[]> {
  return db
    .select({ year: holidayCalendars.year, source: holidayCalendars.source })
    .from(holidayCalendars)
    .orderBy(asc(holidayCalendars.year));
}

export async function findCalendar(db: Db | Tx, year: number): Promise<CalendarRow | undefined> {
  const [row] = await db.select().from(holidayCalendars).where(eq(holidayCalendars.year, year));
  return row;
}

/** A new year at version 1; false when the year exists already (someone entered it first). */
export async function insertCalendar(tx: Tx, year: number, values: CalendarValues): Promise<boolean> {
  const inserted = await tx
    .insert(holidayCalendars)
    .values({ year, ...values, version: 1 })
    .onConflictDoNothing()
    .returning({ year: holidayCalendars.year });
  return inserted.length > 0;
}

/** Conditional on the version the user saw: false means someone changed the year since. */
export async function updateCalendar(tx: Tx, year: number, version: number, values: CalendarValues): Promise<boolean> {
  const updated = await tx
    .update(holidayCalendars)
    .set({ ...values, version: sql`${holidayCalendars.version} + 1` })
    .where(and(eq(holidayCalendars.year, year), eq(holidayCalendars.version, version)))
    .returning({ year: holidayCalendars.year });
  return updated.length > 0;
}
