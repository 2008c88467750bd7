import { isCalendarDay } from '../platform/dates.ts';

/**
 * Issue #10.6 (R1.6, a catalog takes effect on its date): a new catalog takes effect from today up to a set horizon
 * ahead. A date far ahead (9999-12-31) would block every later publish on the platform for good, since a newer
 * version may not take effect before it; a date in the past would change classifications already made.
 */
export const DEFAULT_CATALOG_HORIZON_MONTHS = 12;

/** The same day `months` later, or the month's last day when that day does not exist (2024-02-29 + 12 → 2025-02-28). */
export function addMonthsToDay(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(date, lastDay)).padStart(2, '0')}`;
}

/** The latest effective date allowed when publishing on `today` (both Asia/Shanghai days). */
export function latestCatalogEffectiveDate(today: string, horizonMonths = DEFAULT_CATALOG_HORIZON_MONTHS): string {
  return addMonthsToDay(today, horizonMonths);
}

/** Why an effective date cannot be used when publishing on `today`, in Chinese; null when it can. Both ends included. */
export function catalogEffectiveDateProblem(
  effectiveDate: string,
  today: string,
  horizonMonths = DEFAULT_CATALOG_HORIZON_MONTHS,
): string | null {
  if (!isCalendarDay(effectiveDate)) return `生效日期 ${effectiveDate} 不存在`;
  if (effectiveDate < today)
    return `生效日期 ${effectiveDate} 早于今天（${today}）：新目录只能从今天或以后生效，以免改变已作出的归类`;
  const latest = latestCatalogEffectiveDate(today, horizonMonths);
  if (effectiveDate > latest)
    return `生效日期 ${effectiveDate} 太远：最晚可设为 ${latest}（自今天起 ${horizonMonths} 个月内）`;
  return null;
}
