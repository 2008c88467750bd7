import { addDays } from '../land/legal-period.ts';
/**
 * Working days for periods counted in 工作日 (the public notice's 5 working days, R3.2 公示). The calendar is an
 * interface so the national holiday calendar (法定节假日 and 调休 working Saturdays, kept elsewhere) plugs in; the
 * default knows only the week: Saturday and Sunday are rest days.
 */
export interface WorkingDayCalendar {
  /** Whether `day` (YYYY-MM-DD) is a working day. */
  isWorkingDay(day: string): boolean;
}

/** Day of the week of a calendar day, 0 = Sunday … 6 = Saturday (UTC arithmetic: a date has no time zone here). */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export const WEEKEND_CALENDAR: WorkingDayCalendar = {
  isWorkingDay: (day) => weekday(day) !== 0 && weekday(day) !== 6,
};

/** How far the search for working days goes before giving up (a calendar that never works would loop forever). */
const MAX_SEARCH_DAYS = 366;

/**
 * The last day of a period of `workingDays` working days starting on `start`: the start day counts when it is a working
 * day (a notice put up on Monday for 5 working days ends on Friday); otherwise the period starts on the next working day.
 */
export function workingPeriodEnd(start: string, workingDays: number, calendar: WorkingDayCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('工作日数应为正整数');
  let counted = 0;
  let day = start;
  for (let i = 0; i < MAX_SEARCH_DAYS * workingDays; i++) {
    if (calendar.isWorkingDay(day)) {
      counted += 1;
      if (counted === workingDays) return day;
    }
    day = addDays(day, 1);
  }
  throw new RangeError('日历中找不到足够的工作日');
}
