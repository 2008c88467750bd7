import { platformName, type PlatformKey } from '../platform/platforms.ts';
import { lastPlaced } from './ranks.ts';
import type { ScheduleCheck } from './schedule.ts';

export const WARNING_KINDS = ['last_two_years', 'behind_schedule'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export const WARNING_LABELS: Record<WarningKind, string> = {
  last_two_years: '连续两年考核末位',
  behind_schedule: '明显滞后于年度任务',
};

export type AssessmentWarning = { kind: WarningKind; label: string; reason: string };

/**
 * R4.3 / D25 "连续两年垫底": last in this year's assessment and in the PUBLISHED assessment of the year before; ties
 * at the bottom are all last. A year without a published assessment breaks the run (no warning, and the note says
 * so). `previous` is the published ranks of `year − 1`, or null when that year has none.
 */
export function lastTwoYearsWarnings(input: {
  year: number;
  current: ReadonlyMap<PlatformKey, number>;
  previous: ReadonlyMap<PlatformKey, number> | null;
}): { warnings: Map<PlatformKey, AssessmentWarning>; note: string } {
  const warnings = new Map<PlatformKey, AssessmentWarning>();
  const lastNow = lastPlaced(input.current);
  if (!input.previous) {
    return {
      warnings,
      note: `${input.year - 1} 年度没有已发布的考核结果，本年度不作“连续两年末位”判定`,
    };
  }
  const lastBefore = new Set(lastPlaced(input.previous));
  for (const key of lastNow) {
    if (!lastBefore.has(key)) continue;
    warnings.set(key, {
      kind: 'last_two_years',
      label: WARNING_LABELS.last_two_years,
      reason: `${platformName(key)}在 ${input.year - 1} 年度（已发布）和 ${input.year} 年度考核中均排名末位，应予约谈并通报`,
    });
  }
  return { warnings, note: `与 ${input.year - 1} 年度已发布的考核结果比较` };
}

export function behindScheduleWarning(check: ScheduleCheck): AssessmentWarning | null {
  if (!check.behind) return null;
  return { kind: 'behind_schedule', label: WARNING_LABELS.behind_schedule, reason: check.reason };
}
