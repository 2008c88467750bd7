import { describe, expect, it } from 'vitest';
import { milestoneState, onTimeShare } from './milestones.ts';

describe('§四(三) key project milestones per quarter', () => {
  it.each([
    // planned, actual, check day, state
    ['2025-05-10', '2025-05-10', '2025-06-30', 'on_time'],
    ['2025-05-10', '2025-05-11', '2025-06-30', 'late'],
    ['2025-06-30', null, '2025-06-30', 'at_risk'],
    ['2025-06-29', null, '2025-06-30', 'late'],
    ['2025-07-30', null, '2025-06-30', 'at_risk'],
    ['2025-07-31', null, '2025-06-30', 'pending'],
    ['2025-05-10', '2025-07-01', '2025-06-30', 'late'],
    [null, null, '2025-06-30', 'unplanned'],
  ] as const)('planned %s, done %s, checked %s → %s', (planned, actual, checkDay, state) => {
    expect(milestoneState({ planned, actual, checkDay })).toBe(state);
  });
  it('the on-time share counts milestones due by the check day', () => {
    const result = onTimeShare(
      [
        { planned: '2025-03-01', state: 'on_time' },
        { planned: '2025-04-01', state: 'late' },
        { planned: '2025-09-01', state: 'pending' },
      ],
      '2025-06-30',
    );
    expect(result).toEqual({ due: 2, onTime: 1 });
  });
});
