import { describe, expect, it } from 'vitest';
import { criterionPoints } from './criterion-points.ts';
import { noDataFigure, type AssessmentFigure } from './figures.ts';
import { defaultRubric, rubricProblems, rubricSchema, type Criterion } from './rubric.ts';

const figure = (value: string, target: string | null = null): AssessmentFigure => ({
  available: true,
  value,
  target,
  unit: '',
  explanation: '',
  rowCount: 0,
});
const criterion = (overrides: Partial<Criterion>): Criterion => ({
  key: 'k',
  group: 'investment_task',
  label: '指标',
  source: 'investment_task',
  weight: 20,
  method: { kind: 'proportion', target: null },
  cap: null,
  ...overrides,
});

describe('R4.2 rubric points by each method', () => {
  it.each([
    ['3', '6', null, 10, false],
    ['6', '6', null, 20, false],
    ['9', '6', null, 30, false],
    ['9', '6', 25, 25, true],
    ['7.5', '6', 25, 25, false],
    ['0', '6', null, 0, false],
  ] as const)('proportion: %s of task %s, cap %s → %d points (capped %s)', (value, target, cap, points, capped) => {
    const result = criterionPoints(criterion({ cap }), figure(value, target), null);
    expect(result.points).toBe(points);
    expect(result.capped).toBe(capped);
  });

  it('proportion against the rubric target beats the figure target; 1 − 0.7 = 0.3 exactly', () => {
    const result = criterionPoints(
      criterion({ method: { kind: 'proportion', target: '1' }, weight: 10 }),
      figure('0.3'),
      null,
    );
    expect(result.exact).toBe('3');
  });

  it('proportion without a target scores 0 and says why', () => {
    const result = criterionPoints(criterion({}), figure('3', null), null);
    expect(result.points).toBe(0);
    expect(result.explanation).toContain('未设定目标值');
  });

  it.each([
    [1, 15],
    [2, 12],
    [3, 9],
    [4, 0],
    [null, 0],
  ] as const)('rank %s → %d points (factors 1, 0.8, 0.6 × 15)', (rank, points) => {
    const c = criterion({ weight: 15, method: { kind: 'rank', factors: [1, 0.8, 0.6] } });
    expect(criterionPoints(c, figure('1'), rank).points).toBe(points);
  });

  const thresholds = criterion({
    weight: 20,
    method: {
      kind: 'thresholds',
      steps: [
        { atLeast: '0', share: 0.4 },
        { atLeast: '0.15', share: 1 },
        { atLeast: '0.1', share: 0.8 },
      ],
    },
  });
  it.each([
    ['0.15', 20],
    ['0.1499', 16],
    ['0.1', 16],
    ['0.0999', 8],
    ['0', 8],
    ['-0.0001', 0],
  ] as const)('thresholds (以上 inclusive): %s → %d points', (value, points) => {
    expect(criterionPoints(thresholds, figure(value), null).points).toBe(points);
  });

  it('a source without data scores 0 with 数据待接入', () => {
    const result = criterionPoints(criterion({}), noDataFigure('土地模块尚未接入'), 1);
    expect(result.points).toBe(0);
    expect(result.explanation).toContain('数据待接入');
  });

  it('the default rubric is valid, weights add to 100', () => {
    const rubric = defaultRubric(2025);
    expect(rubricSchema.safeParse(rubric).success).toBe(true);
    expect(rubricProblems(rubric)).toEqual([]);
    expect(rubric.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it('rubric problems: duplicate keys and thresholds, zero target', () => {
    const rubric = defaultRubric(2025);
    rubric.criteria.push({ ...rubric.criteria[0]!, method: { kind: 'proportion', target: '0' } });
    rubric.criteria.push({
      ...rubric.criteria[3]!,
      key: 'other',
      method: {
        kind: 'thresholds',
        steps: [
          { atLeast: '0.1', share: 1 },
          { atLeast: '0.10', share: 0.5 },
        ],
      },
    });
    const problems = rubricProblems(rubric);
    expect(problems.some((p) => p.includes('重复'))).toBe(true);
    expect(problems.some((p) => p.includes('档次起点重复'))).toBe(true);
    expect(problems.some((p) => p.includes('目标值必须大于 0'))).toBe(true);
  });

  it('a hand-scored item needs a written reason', () => {
    const rubric = defaultRubric(2025);
    rubric.manualItems.push({ id: 'm1', platformKey: 'zhenan', label: '加分', points: 2, reason: '' });
    const parsed = rubricSchema.safeParse(rubric);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error)).toContain('请写明加减分理由');
  });
});
