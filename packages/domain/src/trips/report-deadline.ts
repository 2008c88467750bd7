import { addCalendarDays } from './holiday-calendar.ts';

/** R2.8 "及时报备": the default number of days after return within which a trip is reported (a bureau setting). */
export const DEFAULT_REPORT_WITHIN_DAYS = 3;

/**
 * R2.8: the last day a trip may be reported and still count as timely. Days are calendar days counted as Chinese law
 * counts periods (D22): the return day itself is not counted, so back on the 10th with 3 days → due on the 13th.
 */
export function reportDueOn(endOn: string, withinDays: number): string {
  return addCalendarDays(endOn, withinDays);
}

/**
 * R2.8: a report is late when its Shanghai day (DESIGN.md: deadlines are Asia/Shanghai days) is after the due day;
 * reported on the due day itself, up to 23:59:59 Shanghai time, it is timely.
 */
export function isLateReport(endOn: string, reportedOn: string, withinDays: number): boolean {
  return reportedOn > reportDueOn(endOn, withinDays);
}
