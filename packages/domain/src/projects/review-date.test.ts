import { describe, expect, it } from 'vitest';
import { reviewDateProblem } from './review-date.ts';

describe('issue #10.6 / R2.2: the review date lies between the report date and today', () => {
  it.each([
    ['2026-11-28', null],
    ['2026-03-01', null],
    ['2026-06-15', null],
  ])('%s is accepted (reported 2026-03-01, today 2026-11-28)', (date, expected) => {
    expect(reviewDateProblem(date, '2026-11-28', '2026-03-01')).toBe(expected);
  });

  it.each([
    ['2026-11-29', '晚于今天'],
    ['2026-02-28', '早于项目首报日期'],
    ['2019-06-30', '早于项目首报日期'],
  ])('%s is refused (%s)', (date, words) => {
    expect(reviewDateProblem(date, '2026-11-28', '2026-03-01')).toContain(words);
  });
});
