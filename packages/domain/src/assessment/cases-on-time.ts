import { shareDone } from './figures.ts';

/**
 * R3.4–R3.5 / R4.2 存量产业有机更新 "rectification and renewal cases closed on time": of the platform's cases whose
 * deadline falls between 1 January and the assessment day, the share completed (销号) on or before the deadline.
 * The deadline day is in time (as the renewal module's overdue rule). Withdrawn cases (撤销) are no obligation and
 * are left out. A case completed on time before the year is not due in it.
 */
export type CaseForAssessment = {
  id: number;
  enterpriseName: string;
  track: string;
  status: string;
  deadline: string;
  completedOn: string | null;
};

export type CaseVerdict = { case: CaseForAssessment; onTime: boolean };

export function casesClosedOnTime(
  cases: readonly CaseForAssessment[],
  year: number,
  asOf: string,
): { verdicts: CaseVerdict[]; due: number; onTime: number; share: string } {
  const first = `${year}-01-01`;
  const verdicts = cases
    .filter((c) => c.status !== 'withdrawn' && c.deadline >= first && c.deadline <= asOf)
    .map((c) => ({
      case: c,
      onTime: c.status === 'completed' && c.completedOn !== null && c.completedOn <= c.deadline,
    }));
  const onTime = verdicts.filter((v) => v.onTime).length;
  return { verdicts, due: verdicts.length, onTime, share: shareDone(onTime, verdicts.length) };
}
