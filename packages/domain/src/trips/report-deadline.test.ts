import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_WITHIN_DAYS, isLateReport, reportDueOn } from './report-deadline.ts';

describe('R2.8 及时报备: reported within N days after return (the return day not counted, D22)', () => {
  it('default 3 days: back on the 10th, due on the 13th', () => {
    expect(DEFAULT_REPORT_WITHIN_DAYS).toBe(3);
    expect(reportDueOn('2026-03-10', 3)).toBe('2026-03-13');
    expect(reportDueOn('2026-02-27', 3)).toBe('2026-03-02');
  });

  it.each([
    ['2026-03-10', false],
    ['2026-03-13', false],
    ['2026-03-14', true],
  ])('back 2026-03-10, reported %s → late %s', (reportedOn, late) => {
    expect(isLateReport('2026-03-10', reportedOn, 3)).toBe(late);
  });

  it('the setting changes the boundary', () => {
    expect(isLateReport('2026-03-10', '2026-03-15', 5)).toBe(false);
    expect(isLateReport('2026-03-10', '2026-03-16', 5)).toBe(true);
  });
});
