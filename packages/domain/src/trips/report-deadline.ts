import { addCalendarDays } from './holiday-calendar.ts';
import { daysBetween } from '../land/legal-period.ts';

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

/**
 * R2.8, a trip edited after its report: the report day stays the day it was first reported, and so does the number
 * of days then in force (`due − return` of the first report: a later change of the setting judges no old report),
 * but the return day may have been corrected — the due day and the late flag follow the corrected return day.
 */
export function rejudgedReport(
  first: { endOn: string; dueOn: string; reportedOn: string },
  correctedEndOn: string,
): { dueOn: string; late: boolean } {
  const withinDays = daysBetween(first.endOn, first.dueOn);
  return {
    dueOn: reportDueOn(correctedEndOn, withinDays),
    late: isLateReport(correctedEndOn, first.reportedOn, withinDays),
  };
}
