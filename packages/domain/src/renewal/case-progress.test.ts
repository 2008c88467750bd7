import { describe, expect, it } from 'vitest';
import { daysBetween } from '../land/legal-period.ts';
import { nextStep, overdueState, statusAfterSteps, stepRefusal, type CaseSteps } from './case-progress.ts';
import { EXIT_STEPS, EXIT_WAYS, stepsOf } from './renewal-tracks.ts';

const zombie = (steps: CaseSteps['steps'], status: CaseSteps['status'] = 'in_progress'): CaseSteps => ({
  track: 'zombie_exit',
  exitWay: 'bankruptcy',
  status,
  openedOn: '2025-03-01',
  steps,
});

describe('R3.5 zombie exit: every way has its steps and ends in 出清', () => {
  it.each(EXIT_WAYS)('%s ends with 出清', (way) => {
    expect(EXIT_STEPS[way].at(-1)!.label).toBe('出清');
    expect(EXIT_STEPS[way][0]!.key).toBe('identified');
  });
  it('a zombie case without an exit way has no steps', () => {
    expect(() => stepsOf('zombie_exit', null)).toThrow('出清方式');
  });
});

describe('R3.5 steps are recorded in order, with dates that make sense', () => {
  const today = '2025-06-30';
  it('the first step is next on a new case', () => {
    expect(nextStep(zombie([], 'planned'))?.key).toBe('identified');
    expect(stepRefusal(zombie([], 'planned'), 'identified', '2025-03-01', today)).toBeNull();
  });
  it('a step may not be skipped', () => {
    expect(stepRefusal(zombie([], 'planned'), 'liquidated', '2025-03-02', today)).toMatchObject({
      code: 'ILLEGAL_STEP',
      message: '请先登记“认定僵尸企业”，再登记“资产清算处置”',
    });
  });
  it('a step is recorded once', () => {
    const refusal = stepRefusal(zombie([{ key: 'identified', date: '2025-03-01' }]), 'identified', '2025-03-02', today);
    expect(refusal?.message).toBe('“认定僵尸企业”已登记过');
  });
  it('a step of another track is refused', () => {
    expect(stepRefusal(zombie([]), 'matched', '2025-03-02', today)?.code).toBe('ILLEGAL_STEP');
  });
  it.each([
    ['2025-02-28', 'BAD_STEP_DATE'],
    ['2025-03-01', null],
    ['2025-06-30', null],
    ['2025-07-01', 'BAD_STEP_DATE'],
  ])('first step on %s (opened 2025-03-01, today 2025-06-30) → %s', (date, code) => {
    expect(stepRefusal(zombie([], 'planned'), 'identified', date, today)?.code ?? null).toBe(code);
  });
  it.each([
    ['2025-04-09', 'BAD_STEP_DATE'],
    ['2025-04-10', null],
  ])('a step on %s after one on 2025-04-10 → %s', (date, code) => {
    const steps = [{ key: 'identified', date: '2025-04-10' }];
    expect(stepRefusal(zombie(steps), 'court_accepted', date, today)?.code ?? null).toBe(code);
  });
  it.each(['completed', 'withdrawn'] as const)('a %s case takes no step', (status) => {
    expect(stepRefusal(zombie([], status), 'identified', '2025-03-01', today)?.code).toBe('CASE_CLOSED');
  });
  it('the status follows the steps: none → planned, some → in progress, the last (出清) → completed', () => {
    expect(statusAfterSteps('zombie_exit', 'debt_evasion', 0)).toBe('planned');
    expect(statusAfterSteps('zombie_exit', 'debt_evasion', 3)).toBe('in_progress');
    expect(statusAfterSteps('zombie_exit', 'debt_evasion', 4)).toBe('completed');
    expect(statusAfterSteps('catalog_upgrade', null, 2)).toBe('completed');
  });
});

describe('R3.5/R1.6 overdue as of a day: the deadline day itself is still in time', () => {
  it.each([
    ['2025-12-30', false, 0],
    ['2025-12-31', false, 0],
    ['2026-01-01', true, 1],
    ['2026-03-01', true, 60],
  ])('open case, deadline 2025-12-31, as of %s → overdue %s (%i days)', (asOf, overdue, days) => {
    expect(overdueState({ status: 'in_progress', deadline: '2025-12-31' }, asOf)).toEqual({
      overdue,
      daysOverdue: days,
      completedLate: false,
    });
  });
  it('a planned case is overdue too; completed and withdrawn ones never', () => {
    expect(overdueState({ status: 'planned', deadline: '2025-01-01' }, '2025-01-02').overdue).toBe(true);
    expect(
      overdueState({ status: 'completed', deadline: '2025-01-01', completedOn: '2024-12-31' }, '2026-01-01'),
    ).toEqual({ overdue: false, daysOverdue: 0, completedLate: false });
    expect(overdueState({ status: 'withdrawn', deadline: '2025-01-01' }, '2026-01-01').overdue).toBe(false);
  });
  it.each([
    ['2025-01-01', false],
    ['2025-01-02', true],
  ])('completed on %s with deadline 2025-01-01 → completed late %s', (completedOn, late) => {
    expect(overdueState({ status: 'completed', deadline: '2025-01-01', completedOn }, '2025-06-01').completedLate).toBe(
      late,
    );
  });
  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
  });
});
