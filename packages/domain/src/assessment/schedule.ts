import Decimal from 'decimal.js';

/**
 * R4.3 "明显滞后于年度任务": checked each quarter. At a quarter's end (31 Mar, 30 Jun, 30 Sep, 31 Dec) the share of
 * the year elapsed is days from 1 Jan through that day ÷ days in the year; a platform is behind when its progress
 * (credit ÷ yearly task) is BELOW `share` × that elapsed share (低于: the figure itself is not behind).
 */
export const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4): string {
  return `${year}-${QUARTER_ENDS[quarter - 1]}`;
}

const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

export function daysInYear(year: number): number {
  return dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);
}

/** The latest quarter end of `year` on or before `asOf`, with its quarter; null before the first one. */
export function latestQuarterCheck(year: number, asOf: string): { quarter: 1 | 2 | 3 | 4; day: string } | null {
  let found: { quarter: 1 | 2 | 3 | 4; day: string } | null = null;
  for (const quarter of [1, 2, 3, 4] as const) {
    const day = quarterEnd(year, quarter);
    if (day <= asOf) found = { quarter, day };
  }
  return found;
}

export type ScheduleCheck = {
  checked: boolean;
  checkedOn: string | null;
  quarter: number | null;
  /** Fractions (D2): the year elapsed, the progress required, the progress made. */
  elapsedShare: string | null;
  requiredShare: string | null;
  progressShare: string | null;
  behind: boolean;
  reason: string;
};

export function behindSchedule(input: {
  year: number;
  asOf: string;
  /** Credit counted so far (decimal text) and the yearly task (decimal text). */
  progress: string;
  task: string;
  share: number;
}): ScheduleCheck {
  const check = latestQuarterCheck(input.year, input.asOf);
  const none = { checkedOn: null, quarter: null, elapsedShare: null, requiredShare: null, progressShare: null };
  if (!check) return { ...none, checked: false, behind: false, reason: '尚未到本年度第一季度末，不作滞后判定' };
  const task = new Decimal(input.task);
  if (!task.gt(0)) return { ...none, checked: false, behind: false, reason: '未设定年度招商引资任务数，不作滞后判定' };
  const elapsedDays = dayNumber(check.day) - dayNumber(`${input.year}-01-01`) + 1;
  const elapsed = new Decimal(elapsedDays).div(daysInYear(input.year));
  const required = elapsed.times(input.share);
  const progress = new Decimal(input.progress).div(task);
  // Compared without dividing first (D1): progress × days < share × elapsedDays × task.
  const behind = new Decimal(input.progress)
    .times(daysInYear(input.year))
    .lt(new Decimal(input.share).times(elapsedDays).times(task));
  const percent = (d: Decimal) => `${d.times(100).toDecimalPlaces(1).toString()}%`;
  return {
    checked: true,
    checkedOn: check.day,
    quarter: check.quarter,
    elapsedShare: elapsed.toString(),
    requiredShare: required.toString(),
    progressShare: progress.toString(),
    behind,
    reason: behind
      ? `截至第${check.quarter}季度末（${check.day}）完成年度任务 ${percent(progress)}，低于时间进度 ${percent(elapsed)} 的 ${percent(new Decimal(input.share))}（即 ${percent(required)}），明显滞后`
      : `截至第${check.quarter}季度末（${check.day}）完成年度任务 ${percent(progress)}，不低于应达进度 ${percent(required)}`,
  };
}
