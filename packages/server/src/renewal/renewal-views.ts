import { nextStep, overdueState, stepsOf, type RenewalCaseView } from '@pgs/domain';
import type { RenewalCaseRow, RenewalStepRow } from './renewal.repository.ts';

/** '12.500000' → '12.5': numeric columns read back as the decimal the user typed. */
export function canonical(value: string | null): string | null {
  if (value === null || !value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}

/** A stored case as the API shows it, with its next step and its overdue state as of `asOf`. */
export function toCaseView(row: RenewalCaseRow, asOf: string): RenewalCaseView {
  const stepsDone = row.stepsDone;
  const { track, exitWay, status } = row;
  const open = status === 'planned' || status === 'in_progress';
  const next = open ? nextStep({ track, exitWay, status, openedOn: row.openedOn, steps: new Array(stepsDone) }) : null;
  return {
    id: row.id,
    platformKey: row.platformKey,
    creditCode: row.creditCode,
    enterpriseName: row.enterpriseName,
    industryCode: row.industryCode,
    track,
    status,
    department: row.department,
    responsiblePerson: row.responsiblePerson,
    openedOn: row.openedOn,
    deadline: row.deadline,
    completedOn: row.completedOn,
    planYear: row.planYear === 0 ? null : row.planYear,
    measure: row.measure,
    exitWay,
    disposalWay: row.disposalWay,
    violation: row.violation,
    originalCapacity: canonical(row.originalCapacity),
    plannedCapacity: canonical(row.plannedCapacity),
    capacityUnit: row.capacityUnit,
    environmentOk: row.environmentOk,
    safetyOk: row.safetyOk,
    energyOk: row.energyOk,
    parcelCode: row.parcelCode,
    note: row.note,
    closedReason: row.closedReason,
    version: row.version,
    nextStep: next ? { key: next.key, label: next.label } : null,
    stepsDone,
    stepsTotal: stepsOf(track, exitWay).length,
    asOf,
    ...overdueState({ status, deadline: row.deadline, completedOn: row.completedOn }, asOf),
  };
}

/** The case page: the track's every step, recorded or still to come, in order. */
export function stepTimeline(row: RenewalCaseRow, steps: RenewalStepRow[]) {
  return stepsOf(row.track, row.exitWay).map((step, index) => {
    const done = steps[index];
    return {
      key: step.key,
      label: step.label,
      date: done?.happenedOn ?? null,
      note: done?.note ?? null,
      recordedBy: done?.recordedBy ?? null,
      recordedAt: done ? done.recordedAt.toISOString() : null,
    };
  });
}
