import Decimal from 'decimal.js';
import { platformName, type PlatformKey } from '../platform/platforms.ts';
import { CRITERION_GROUP_LABELS, type Criterion, type ManualItem, type Rubric } from './rubric.ts';
import type { AssessmentFigure } from './figures.ts';
import { criterionPoints } from './criterion-points.ts';
import { rankWithTies } from './ranks.ts';
import type { PlatformBonus } from './bonus.ts';
import { behindSchedule, type ScheduleCheck } from './schedule.ts';
import { behindScheduleWarning, lastTwoYearsWarnings, type AssessmentWarning } from './warnings.ts';

export type ScoredCriterion = {
  key: string;
  group: Criterion['group'];
  groupLabel: string;
  label: string;
  source: Criterion['source'];
  weight: number;
  cap: number | null;
  figure: AssessmentFigure;
  rank: number | null;
  points: number;
  capped: boolean;
  explanation: string;
};

export type PlatformAssessment = {
  platformKey: PlatformKey;
  platformName: string;
  score: number;
  rank: number;
  criteria: ScoredCriterion[];
  manual: ManualItem[];
  bonus: PlatformBonus;
  schedule: ScheduleCheck;
  warnings: AssessmentWarning[];
};

/**
 * R4.2–R4.3: the year's assessment from the rubric, each criterion's figure per platform (from the figure sources),
 * the uncapped bonus, and the previous year's published ranks. score = Σ criterion points + hand-scored points +
 * bonus; platforms ranked by score with ties sharing a rank; warnings for two years last (D25) and for being behind
 * the yearly task at the latest quarter check.
 */
export function scoreAssessment(input: {
  year: number;
  asOf: string;
  rubric: Rubric;
  platformKeys: readonly PlatformKey[];
  /** figures[criterionKey][platformKey] */
  figures: Record<string, Partial<Record<PlatformKey, AssessmentFigure>>>;
  bonus: Record<string, PlatformBonus>;
  previousRanks: ReadonlyMap<PlatformKey, number> | null;
}): { platforms: PlatformAssessment[]; warningNote: string } {
  const { rubric, platformKeys } = input;
  const totals = new Map<PlatformKey, Decimal>(platformKeys.map((key) => [key, new Decimal(0)]));
  const criteria = new Map<PlatformKey, ScoredCriterion[]>(platformKeys.map((key) => [key, []]));
  for (const criterion of rubric.criteria) {
    const figures = input.figures[criterion.key] ?? {};
    const ranks = rankWithTies(
      platformKeys.map((key) => {
        const figure = figures[key];
        return { key, value: figure?.available ? (figure.value ?? null) : null };
      }),
    );
    for (const key of platformKeys) {
      const figure = figures[key] ?? {
        available: false,
        value: null,
        target: null,
        unit: '',
        explanation: '数据待接入：没有该数据来源',
        rowCount: 0,
      };
      const rank = ranks.get(key) ?? null;
      const result = criterionPoints(criterion, figure, rank);
      totals.set(key, totals.get(key)!.plus(result.exact));
      criteria.get(key)!.push({
        key: criterion.key,
        group: criterion.group,
        groupLabel: CRITERION_GROUP_LABELS[criterion.group],
        label: criterion.label,
        source: criterion.source,
        weight: criterion.weight,
        cap: criterion.cap,
        figure,
        rank,
        points: result.points,
        capped: result.capped,
        explanation: result.explanation,
      });
    }
  }
  for (const key of platformKeys) {
    for (const item of rubric.manualItems.filter((m) => m.platformKey === key))
      totals.set(key, totals.get(key)!.plus(item.points));
    totals.set(key, totals.get(key)!.plus(input.bonus[key]?.points ?? 0));
  }
  const scores = new Map(
    platformKeys.map((key) => [key, totals.get(key)!.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)] as const),
  );
  const ranks = rankWithTies(platformKeys.map((key) => ({ key, value: scores.get(key)!.toString() })));
  const lastTwo = lastTwoYearsWarnings({ year: input.year, current: ranks, previous: input.previousRanks });
  const platforms = platformKeys.map((key): PlatformAssessment => {
    const task = criteria.get(key)!.find((c) => c.source === 'investment_task')?.figure;
    const schedule = behindSchedule({
      year: input.year,
      asOf: input.asOf,
      progress: task?.value ?? '0',
      // The rubric's schema requires a task for every platform (an exhaustive record), so no fallback is needed.
      task: task?.target ?? rubric.investmentTasks[key],
      share: rubric.behindScheduleShare,
    });
    const warnings: AssessmentWarning[] = [];
    const last = lastTwo.warnings.get(key);
    if (last) warnings.push(last);
    const behind = behindScheduleWarning(schedule);
    if (behind) warnings.push(behind);
    return {
      platformKey: key,
      platformName: platformName(key),
      score: scores.get(key)!.toNumber(),
      rank: ranks.get(key)!,
      criteria: criteria.get(key)!,
      manual: rubric.manualItems.filter((m) => m.platformKey === key),
      bonus: input.bonus[key] ?? { points: 0, projects: [] },
      schedule,
      warnings,
    };
  });
  platforms.sort(
    (a, b) => a.rank - b.rank || platformKeys.indexOf(a.platformKey) - platformKeys.indexOf(b.platformKey),
  );
  return { platforms, warningNote: lastTwo.note };
}
