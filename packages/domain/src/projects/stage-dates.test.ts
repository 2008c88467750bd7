import { describe, expect, it } from 'vitest';
import { earliestStageDate, stageDateProblem } from './stage-dates.ts';

describe('R2.4/D4 stage dates (#10.6): between the previous stage and today', () => {
  it.each([
    ['today itself is allowed', '2026-12-06', null],
    ['tomorrow is refused as a future day', '2026-12-07', '晚于今天'],
    ['the previous stage’s own day is allowed', '2026-03-01', null],
    ['the day before the previous stage is refused', '2026-02-28', '早于上一阶段的日期 2026-03-01'],
    ['a landing dated 2019 for a project of 2026 is refused', '2019-06-30', '早于上一阶段'],
  ])('R2.4 %s', (_title, date, problem) => {
    const result = stageDateProblem({ date, today: '2026-12-06', earliest: '2026-03-01' });
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });

  it('R2.4 with no earlier stage only the future is refused', () => {
    expect(stageDateProblem({ date: '2000-01-01', today: '2026-12-06', earliest: null })).toBeNull();
  });

  it('R2.4 the bound is the latest report or stage move that still stands; an undone move no longer counts', () => {
    const events = [
      { id: 1, kind: 'reported', effectiveDate: '2026-01-10' },
      { id: 2, kind: 'transition', effectiveDate: '2026-02-01' },
      { id: 3, kind: 'evaluation', effectiveDate: '2026-05-01' },
      { id: 4, kind: 'transition', effectiveDate: '2026-03-15' },
    ];
    expect(earliestStageDate(events)).toBe('2026-03-15');
    expect(
      earliestStageDate([
        ...events,
        { id: 5, kind: 'undo', effectiveDate: '2026-03-16', details: { undoneEventId: 4 } },
      ]),
    ).toBe('2026-02-01');
    expect(earliestStageDate([])).toBeNull();
  });
});
