import { daysBetween } from '../land/legal-period.ts';
import {
  RENEWAL_STATUS_LABELS,
  stepsOf,
  type ExitWay,
  type RenewalStatus,
  type RenewalTrack,
} from './renewal-tracks.ts';

/**
 * A case's life (R3.5, R1.6): steps are recorded one after another in the track's order, each with the day it
 * happened; the last step completes the case. Pure: "today" is a parameter.
 */
export type CaseSteps = {
  track: RenewalTrack;
  exitWay?: ExitWay | null;
  status: RenewalStatus;
  /** The day the case was opened: no step happens before it. */
  openedOn: string;
  /** Recorded steps, in order. */
  steps: ReadonlyArray<{ key: string; date: string }>;
};

export type StepRefusal = { code: 'ILLEGAL_STEP' | 'BAD_STEP_DATE' | 'CASE_CLOSED'; message: string };

export function nextStep(input: CaseSteps) {
  return stepsOf(input.track, input.exitWay)[input.steps.length] ?? null;
}

/** Whether `key` on `date` may be recorded now (`today`, a Shanghai day); null when it may. */
export function stepRefusal(input: CaseSteps, key: string, date: string, today: string): StepRefusal | null {
  if (input.status === 'completed' || input.status === 'withdrawn') {
    return { code: 'CASE_CLOSED', message: `案件${RENEWAL_STATUS_LABELS[input.status]}，不能再登记进展` };
  }
  const all = stepsOf(input.track, input.exitWay);
  const expected = all[input.steps.length];
  const asked = all.find((candidate) => candidate.key === key);
  if (!asked) return { code: 'ILLEGAL_STEP', message: `步骤“${key}”不属于该类案件` };
  if (!expected || expected.key !== key) {
    const done = input.steps.some((recorded) => recorded.key === key);
    return {
      code: 'ILLEGAL_STEP',
      message: done ? `“${asked.label}”已登记过` : `请先登记“${expected?.label ?? ''}”，再登记“${asked.label}”`,
    };
  }
  if (date > today) return { code: 'BAD_STEP_DATE', message: `日期 ${date} 晚于今天，进展只能登记已发生的事` };
  if (date < input.openedOn) return { code: 'BAD_STEP_DATE', message: `日期 ${date} 早于立案日期 ${input.openedOn}` };
  const previous = input.steps.at(-1);
  if (previous && date < previous.date) {
    return { code: 'BAD_STEP_DATE', message: `日期 ${date} 早于上一步的日期 ${previous.date}` };
  }
  return null;
}

/** The status after `stepCount` steps: the last step completes the case. */
export function statusAfterSteps(
  track: RenewalTrack,
  exitWay: ExitWay | null | undefined,
  stepCount: number,
): RenewalStatus {
  if (stepCount === 0) return 'planned';
  return stepCount >= stepsOf(track, exitWay).length ? 'completed' : 'in_progress';
}

export type OverdueState = {
  /** Open and past its deadline as of the day asked: the deadline day itself is still in time ("限期…前" includes it). */
  overdue: boolean;
  daysOverdue: number;
  /** Completed, but after its deadline. */
  completedLate: boolean;
};

/** R3.5/R1.6 deadlines: the overdue rule as of any day, so last month's list can be reproduced. */
export function overdueState(
  input: { status: RenewalStatus; deadline: string; completedOn?: string | null },
  asOf: string,
): OverdueState {
  const open = input.status === 'planned' || input.status === 'in_progress';
  const overdue = open && asOf > input.deadline;
  const completedLate = input.status === 'completed' && !!input.completedOn && input.completedOn > input.deadline;
  return { overdue, daysOverdue: overdue ? daysBetween(input.deadline, asOf) : 0, completedLate };
}
