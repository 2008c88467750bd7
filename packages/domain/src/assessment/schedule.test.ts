import { describe, expect, it } from 'vitest';
import { behindSchedule, daysInYear, latestQuarterCheck } from './schedule.ts';

describe('R4.3 behind the yearly task, checked each quarter', () => {
  it('quarter checks fall on the quarter ends', () => {
    expect(latestQuarterCheck(2025, '2025-03-30')).toBeNull();
    expect(latestQuarterCheck(2025, '2025-03-31')).toEqual({ quarter: 1, day: '2025-03-31' });
    expect(latestQuarterCheck(2025, '2025-09-29')).toEqual({ quarter: 2, day: '2025-06-30' });
    expect(latestQuarterCheck(2025, '2026-01-15')).toEqual({ quarter: 4, day: '2025-12-31' });
    expect(daysInYear(2024)).toBe(366);
  });

  // 2025-06-30 is day 181 of 365. With task 365 and share 0.8 the required credit is exactly 0.8 × 181 = 144.8.
  it.each([
    ['144.8', false],
    ['144.79', true],
    ['144.81', false],
    ['0', true],
  ])('R4.3 boundary: progress %s of 365 at Q2 (required 144.8) → behind %s', (progress, behind) => {
    const check = behindSchedule({ year: 2025, asOf: '2025-07-15', progress, task: '365', share: 0.8 });
    expect(check.checkedOn).toBe('2025-06-30');
    expect(check.behind).toBe(behind);
  });

  it('before the first quarter end nothing is judged; a task of 0 is not judged', () => {
    expect(behindSchedule({ year: 2025, asOf: '2025-03-30', progress: '0', task: '6', share: 0.8 }).checked).toBe(
      false,
    );
    expect(behindSchedule({ year: 2025, asOf: '2025-12-31', progress: '0', task: '0', share: 0.8 }).checked).toBe(
      false,
    );
  });

  it('the reason states the figures as percentages', () => {
    const check = behindSchedule({ year: 2025, asOf: '2025-12-31', progress: '3', task: '6', share: 0.8 });
    expect(check.behind).toBe(true);
    expect(check.reason).toContain('50%');
    expect(check.reason).toContain('80%');
  });
});
