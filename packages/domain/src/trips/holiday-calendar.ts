import { isCalendarDay } from '../platform/dates.ts';

/**
 * The national holiday calendar (国务院办公厅 yearly notice "关于 XXXX 年部分节假日安排的通知"), kept as data per year:
 * each festival's days off (放假, a date range that may include weekends) and its make-up working days (调休上班,
 * weekend days worked). A day is a working day when it is Monday–Friday and not a day off, or when it is a make-up
 * working day. Working days are the denominator of R2.8's "1/3以上" of time and the unit of the public notice's
 * "5个工作日" (assessment).
 */
export type Festival = {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 … */
  name: string;
  /** First and last day off, inclusive ('YYYY-MM-DD'). */
  offFrom: string;
  offTo: string;
  /** Weekend days worked instead (调休上班). */
  makeUpDays: string[];
};

export type YearCalendar = {
  year: number;
  /** The notice it was entered from, e.g. 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）. */
  source: string;
  festivals: Festival[];
};

/** The calendars known, by year; a year without one has no working-day count (a missing figure, never a guess). */
export type CalendarBook = ReadonlyMap<number, YearCalendar>;

export function calendarBook(calendars: readonly YearCalendar[]): CalendarBook {
  return new Map(calendars.map((calendar) => [calendar.year, calendar]));
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day `days` after `day` (negative: before). */
export function addCalendarDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** Whether `day` is a working day by its year's calendar; undefined when that year has no calendar. */
export function isWorkingDay(day: string, book: CalendarBook): boolean | undefined {
  const calendar = book.get(Number(day.slice(0, 4)));
  if (!calendar) return undefined;
  for (const festival of calendar.festivals) {
    if (festival.makeUpDays.includes(day)) return true;
  }
  for (const festival of calendar.festivals) {
    if (festival.offFrom <= day && day <= festival.offTo) return false;
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Working days from `from` to `to`, both included; undefined when a year in between has no calendar.
 * (An empty range, `to` before `from`, has 0.)
 */
export function workingDaysBetween(from: string, to: string, book: CalendarBook): number | undefined {
  let count = 0;
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    const working = isWorkingDay(dayOf(n), book);
    if (working === undefined) return undefined;
    if (working) count++;
  }
  return count;
}

/** The last day of a month 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** R2.8: the working days of a month 'YYYY-MM' (the time share's denominator); undefined without its calendar. */
export function workingDaysOfMonth(month: string, book: CalendarBook): number | undefined {
  return workingDaysBetween(`${month}-01`, lastDayOfMonth(month), book);
}

/**
 * The `n`-th working day after `day` (the start day not counted, as Chinese law counts periods, D22): a notice
 * published on a Friday for 5 working days ends on the next Friday when no holiday falls between. n = 0 gives `day`.
 * Undefined when a year reached has no calendar.
 */
export function addWorkingDays(day: string, n: number, book: CalendarBook): string | undefined {
  let current = dayNumber(day);
  let left = n;
  while (left > 0) {
    current++;
    const working = isWorkingDay(dayOf(current), book);
    if (working === undefined) return undefined;
    if (working) left--;
  }
  return dayOf(current);
}

/** What is wrong with a calendar an admin or the bureau entered (Chinese sentences), empty when it is sound. */
export function calendarProblems(calendar: YearCalendar): string[] {
  const problems: string[] = [];
  const inYear = (day: string) => isCalendarDay(day) && day.startsWith(`${calendar.year}-`);
  if (calendar.source.trim() === '') problems.push('请填写来源（国务院办公厅通知的名称和日期）');
  calendar.festivals.forEach((festival, index) => {
    const label = festival.name.trim() || `第 ${index + 1} 个节日`;
    if (festival.name.trim() === '') problems.push(`第 ${index + 1} 个节日没有名称`);
    if (!inYear(festival.offFrom) || !inYear(festival.offTo))
      problems.push(`${label}的放假日期应是 ${calendar.year} 年内的日期`);
    else if (festival.offFrom > festival.offTo) problems.push(`${label}的放假开始日期晚于结束日期`);
    for (const day of festival.makeUpDays) {
      // A make-up day may fall in the neighbouring year (e.g. a 元旦 调休 on the last Sunday of December) — but it
      // is then entered in that year's calendar, where the day is looked up.
      if (!inYear(day)) problems.push(`${label}的调休上班日 ${day} 应是 ${calendar.year} 年内的日期`);
      else {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6) problems.push(`${label}的调休上班日 ${day} 不是周六或周日`);
      }
    }
  });
  return problems;
}
