import Decimal from 'decimal.js';
import { quarterEnd } from './schedule.ts';

/**
 * R2.7–R2.8 / R4.2 精准招商任务执行: the platform's standing obligations met in the year up to the assessment day —
 * a target-enterprise library kept for each quarter (R2.7 "每季度") and, each month, at least one outbound trip by
 * every main leader (R2.8; D24: a trip counts in the month it starts). Only periods ENDED by the assessment day are
 * judged (a quarter on its last day counts). The figure is the mean of the two shares; a share with no ended period
 * is left out of the mean; with none at all the figure is 1 (nothing due yet).
 */
export type QuarterObligation = { quarter: string; targets: number };
export type MonthObligation = { month: string; met: boolean; note: string };

export function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** The quarters ('2026Q1') and months ('2026-01') of the year ended on or before the assessment day. */
export function endedPeriods(year: number, asOf: string): { quarters: string[]; months: string[] } {
  const quarters = ([1, 2, 3, 4] as const).filter((q) => quarterEnd(year, q) <= asOf).map((q) => `${year}Q${q}`);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => monthEnd(m) <= asOf,
  );
  return { quarters, months };
}

export function investmentObligations(
  quarters: readonly QuarterObligation[],
  months: readonly MonthObligation[],
): { quartersMet: number; monthsMet: number; share: string } {
  const quartersMet = quarters.filter((q) => q.targets > 0).length;
  const monthsMet = months.filter((m) => m.met).length;
  const shares: Decimal[] = [];
  if (quarters.length > 0) shares.push(new Decimal(quartersMet).div(quarters.length));
  if (months.length > 0) shares.push(new Decimal(monthsMet).div(months.length));
  const share =
    shares.length === 0
      ? '1'
      : shares
          .reduce((sum, s) => sum.plus(s), new Decimal(0))
          .div(shares.length)
          .toString();
  return { quartersMet, monthsMet, share };
}
