import {
  addWorkingDays as addWorkingDaysIn,
  calendarBook,
  calendarProblems,
  HOLIDAY_CALENDARS_SEED,
  workingDaysBetween as workingDaysBetweenIn,
  workingDaysOfMonth,
  type CalendarBook,
  type Festival,
  type YearCalendar,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, notFound, staleVersion } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  allCalendars,
  calendarYears,
  findCalendar,
  insertCalendar,
  updateCalendar,
  type CalendarRow,
} from './calendar.repository.ts';

/**
 * The national holiday calendar (issue #13), its own module because every module that counts working days reads it
 * (trips' R2.8 time share now; the yearly assessment's "公示5个工作日" next): they call the three functions below
 * through this service and never its table. A year not entered answers undefined — the caller marks the figure
 * missing rather than guessing weekdays.
 */

/** Every year's calendar as the domain's lookup (a few rows: read whole). */
export async function loadCalendarBook(db: Db | Tx): Promise<CalendarBook> {
  const rows = await allCalendars(db);
  return calendarBook(rows.map((row) => ({ year: row.year, source: row.source, festivals: row.festivals })));
}

/** Working days from `from` to `to` inclusive ('YYYY-MM-DD'); undefined when a year between has no calendar. */
export async function workingDaysBetween(db: Db | Tx, from: string, to: string): Promise<number | undefined> {
  return workingDaysBetweenIn(from, to, await loadCalendarBook(db));
}

/** The `n`-th working day after `day` (the start day not counted); undefined when a year reached has no calendar. */
export async function addWorkingDays(db: Db | Tx, day: string, n: number): Promise<string | undefined> {
  return addWorkingDaysIn(day, n, await loadCalendarBook(db));
}

/** Working days of a month 'YYYY-MM'; undefined without the year's calendar. */
export async function workingDaysInMonth(db: Db | Tx, month: string): Promise<number | undefined> {
  return workingDaysOfMonth(month, await loadCalendarBook(db));
}

function view(row: CalendarRow) {
  const calendar: YearCalendar = { year: row.year, source: row.source, festivals: row.festivals };
  const book = calendarBook([calendar]);
  return {
    ...calendar,
    workingDaysByMonth: Array.from(
      { length: 12 },
      (_, i) => workingDaysOfMonth(`${row.year}-${String(i + 1).padStart(2, '0')}`, book) ?? 0,
    ),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function listCalendarYears(db: Db, actor: Actor) {
  requirePermission(actor, 'calendar.read');
  return calendarYears(db);
}

export async function getCalendar(db: Db, actor: Actor, year: number) {
  requirePermission(actor, 'calendar.read');
  const row = await findCalendar(db, year);
  if (!row) throw notFound(`${year} 年的节假日安排尚未录入`);
  return view(row);
}

/**
 * The admin or the bureau enters or corrects a year (PUT, whole year at once). A new year has no `version`; an
 * existing one is changed only at the version the user saw (409 otherwise, one winner).
 */
export async function saveCalendar(
  db: Db,
  actor: Actor,
  year: number,
  input: { source: string; festivals: Festival[]; version?: number | undefined },
  now: Date,
) {
  requirePermission(actor, 'calendar.edit');
  const calendar: YearCalendar = { year, source: input.source, festivals: input.festivals };
  const problems = calendarProblems(calendar);
  if (problems.length > 0)
    throw new AppError(
      422,
      'INVALID_CALENDAR',
      `节假日安排有 ${problems.length} 处问题：${problems[0]}`,
      problems.map((message) => ({ message })),
    );
  await db.transaction(async (tx) => {
    const before = await findCalendar(tx, year);
    const values = { source: input.source, festivals: input.festivals, updatedAt: now, updatedBy: actor.username };
    const saved =
      input.version === undefined
        ? await insertCalendar(tx, year, values)
        : await updateCalendar(tx, year, input.version, values);
    if (!saved) throw staleVersion(`${year} 年的节假日安排`);
    await recordAudit(
      tx,
      actor,
      {
        action: 'calendar.update',
        entityType: 'holiday_calendar',
        entityId: year,
        before: before ? { source: before.source, festivals: before.festivals, version: before.version } : null,
        after: { source: input.source, festivals: input.festivals },
      },
      now,
    );
  });
  return getCalendar(db, actor, year);
}

/** Start-up: the seeded years (2025, 2026) when absent; an edited year is never overwritten. */
export async function ensureHolidayCalendars(db: Db, actor: Actor, now: Date): Promise<void> {
  const present = new Set((await calendarYears(db)).map((r) => r.year));
  const missing = HOLIDAY_CALENDARS_SEED.filter((calendar) => !present.has(calendar.year));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    for (const calendar of missing) {
      const values = {
        source: calendar.source,
        festivals: calendar.festivals,
        updatedAt: now,
        updatedBy: actor.username,
      };
      if (!(await insertCalendar(tx, calendar.year, values))) continue;
      await recordAudit(
        tx,
        actor,
        { action: 'calendar.seed', entityType: 'holiday_calendar', entityId: calendar.year, after: calendar },
        now,
      );
    }
  });
}
