/**
 * Issue #10.6 (R2.2, the written review of the access evaluation): the sheet's date is the day the review was held —
 * today or an earlier day, never before the project was reported. Days are Asia/Shanghai 'YYYY-MM-DD'.
 */
export function reviewDateProblem(reviewedOn: string, today: string, reportedOn: string): string | null {
  if (reviewedOn > today) return `评审日期 ${reviewedOn} 晚于今天（${today}），不能预填将来的日期`;
  if (reviewedOn < reportedOn) return `评审日期 ${reviewedOn} 早于项目首报日期 ${reportedOn}`;
  return null;
}
