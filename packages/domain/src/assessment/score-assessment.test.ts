import { describe, expect, it } from 'vitest';
import { PLATFORM_KEYS, type PlatformKey } from '../platform/platforms.ts';
import { scoreAssessment } from './score-assessment.ts';
import { defaultRubric, type Rubric } from './rubric.ts';
import type { AssessmentFigure } from './figures.ts';

const fig = (value: string, target: string | null = null): AssessmentFigure => ({
  available: true,
  value,
  target,
  unit: '',
  explanation: '',
  rowCount: 0,
});
const rubric: Rubric = {
  ...defaultRubric(2025),
  criteria: [
    {
      key: 'investment_task',
      group: 'investment_task',
      label: '任务',
      source: 'investment_task',
      weight: 50,
      method: { kind: 'proportion', target: null },
      cap: null,
    },
    {
      key: 'land_cleanup',
      group: 'land_cleanup',
      label: '土地',
      source: 'land_cleanup',
      weight: 10,
      method: { kind: 'rank', factors: [1, 0.5] },
      cap: 10,
    },
  ],
  manualItems: [
    {
      id: 'm1',
      platformKey: 'hitech',
      label: '专项工作',
      points: 5,
      reason: '完成市委交办专项',
      by: 'drc',
      at: '2025-12-01',
    },
  ],
};
const figures = {
  investment_task: { oujiangkou: fig('6', '6'), zhenan: fig('3', '6'), hitech: fig('1.5', '6') } as Record<
    PlatformKey,
    AssessmentFigure
  >,
  land_cleanup: {},
};

describe('R4.2–R4.3 scoring the year', () => {
  it('sums criteria, hand-scored items and the uncapped bonus; ranks with ties', () => {
    const result = scoreAssessment({
      year: 2025,
      asOf: '2025-12-31',
      rubric,
      platformKeys: PLATFORM_KEYS,
      figures,
      bonus: { zhenan: { points: 12.5, projects: [] } },
      previousRanks: null,
    });
    const by = Object.fromEntries(result.platforms.map((p) => [p.platformKey, p]));
    expect(by.oujiangkou!.score).toBe(50);
    expect(by.zhenan!.score).toBe(37.5);
    expect(by.hitech!.score).toBe(17.5);
    expect(result.platforms.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(by.hitech!.criteria[1]!.explanation).toContain('数据待接入');
  });

  it('R4.3 warns the platform behind its task at the quarter check and the one last two years running', () => {
    const result = scoreAssessment({
      year: 2025,
      asOf: '2025-12-31',
      rubric,
      platformKeys: PLATFORM_KEYS,
      figures,
      bonus: {},
      previousRanks: new Map<PlatformKey, number>([
        ['oujiangkou', 1],
        ['zhenan', 2],
        ['hitech', 3],
      ]),
    });
    const hitech = result.platforms.find((p) => p.platformKey === 'hitech')!;
    expect(hitech.warnings.map((w) => w.kind).sort()).toEqual(['behind_schedule', 'last_two_years']);
    const ojk = result.platforms.find((p) => p.platformKey === 'oujiangkou')!;
    expect(ojk.warnings).toEqual([]);
  });
});
