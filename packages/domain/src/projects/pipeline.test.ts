import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../platform/roles.ts';
import {
  checkTransition,
  evaluationProblem,
  isNegotiationOverdue,
  overdueIfTrackedBefore,
  negotiationDeadline,
  PIPELINE_STAGES,
  PROJECT_STATUSES,
  type ProjectStatus,
  type TransitionFacts,
} from './pipeline.ts';

const facts = (
  from: ProjectStatus,
  to: ProjectStatus,
  role: Role,
  over: Partial<TransitionFacts> = {},
): TransitionFacts => ({
  from,
  to,
  role,
  actorPlatformKey: role === 'platform' ? 'zhenan' : null,
  projectPlatformKey: 'zhenan',
  isDuplicate: false,
  hasEvaluation: true,
  latestEvaluationPasses: true,
  reason: to === 'lost' || to === 'rejected' ? '投资方放弃' : null,
  ...over,
});

/** D8: who may take a project to each target status. */
const MAY_MOVE_TO: Record<ProjectStatus, Role[]> = {
  reported: [],
  feasible: ['platform', 'bureau'],
  plan_submitted: ['platform', 'bureau'],
  evaluated: ['platform', 'bureau'],
  tracked: ['bureau'],
  negotiating: ['platform', 'bureau'],
  signed: ['platform', 'bureau'],
  landed: ['platform', 'bureau'],
  lost: ['platform', 'bureau'],
  rejected: ['bureau'],
};

describe('R2.4 pipeline: every move from every status, per role (D8)', () => {
  const cases = PROJECT_STATUSES.flatMap((from) =>
    PROJECT_STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)),
  );
  it.each(cases)('%s → %s by %s', (from, to, role) => {
    const verdict = checkTransition(facts(from, to, role));
    const roleMay = MAY_MOVE_TO[to].includes(role);
    const open = !['landed', 'lost', 'rejected'].includes(from);
    const isNext =
      PIPELINE_STAGES.indexOf(to as never) === PIPELINE_STAGES.indexOf(from as never) + 1 &&
      PIPELINE_STAGES.includes(from as never);
    const legal = open && (to === 'lost' || to === 'rejected' || isNext);
    if (!roleMay) expect(verdict).toMatchObject({ allowed: false, kind: 'forbidden' });
    else if (!legal) expect(verdict).toMatchObject({ allowed: false, kind: 'illegal' });
    else expect(verdict).toEqual({ allowed: true });
  });

  it('a platform user may not move another platform’s project', () => {
    expect(checkTransition(facts('reported', 'feasible', 'platform', { actorPlatformKey: 'hitech' }))).toMatchObject({
      allowed: false,
      kind: 'forbidden',
    });
  });

  it('lost and rejected need a reason', () => {
    expect(checkTransition(facts('negotiating', 'lost', 'platform', { reason: '  ' }))).toMatchObject({
      allowed: false,
      message: expect.stringContaining('原因'),
    });
    expect(checkTransition(facts('tracked', 'rejected', 'bureau', { reason: null }))).toMatchObject({
      allowed: false,
      kind: 'illegal',
    });
  });

  it('D7: evaluated needs an evaluation; tracked needs the latest to pass', () => {
    expect(checkTransition(facts('plan_submitted', 'evaluated', 'platform', { hasEvaluation: false }))).toMatchObject({
      allowed: false,
      message: expect.stringContaining('尚未填写准入评估'),
    });
    expect(checkTransition(facts('evaluated', 'tracked', 'bureau', { latestEvaluationPasses: false }))).toMatchObject({
      allowed: false,
      message: expect.stringContaining('未通过'),
    });
  });

  it('D9: a duplicate report cannot advance, only end', () => {
    expect(checkTransition(facts('reported', 'feasible', 'platform', { isDuplicate: true }))).toMatchObject({
      allowed: false,
      message: expect.stringContaining('重复报送'),
    });
    expect(checkTransition(facts('reported', 'lost', 'platform', { isDuplicate: true }))).toEqual({ allowed: true });
    expect(checkTransition(facts('reported', 'rejected', 'bureau', { isDuplicate: true }))).toEqual({ allowed: true });
  });
});

describe('R2.4 negotiation window (cfg 180 days)', () => {
  it('ends 180 calendar days after the day the project was tracked, across a leap day', () => {
    expect(negotiationDeadline('2026-01-01')).toBe('2026-06-30');
    expect(negotiationDeadline('2027-12-01')).toBe('2028-05-29');
    expect(negotiationDeadline('2026-01-01', 30)).toBe('2026-01-31');
  });

  it('flags tracked and negotiating projects the day after the deadline, never signed ones', () => {
    expect(isNegotiationOverdue('negotiating', '2026-01-01', '2026-06-30')).toBe(false);
    expect(isNegotiationOverdue('negotiating', '2026-01-01', '2026-07-01')).toBe(true);
    expect(isNegotiationOverdue('tracked', '2026-01-01', '2026-07-01')).toBe(true);
    expect(isNegotiationOverdue('signed', '2026-01-01', '2027-01-01')).toBe(false);
    expect(isNegotiationOverdue('negotiating', null, '2027-01-01')).toBe(false);
  });

  it('the query cut-off agrees with the per-project flag on both sides of the deadline', () => {
    for (const trackedOn of ['2026-01-01', '2026-01-02', '2025-12-31']) {
      const inQuery = trackedOn < overdueIfTrackedBefore('2026-07-01');
      expect(inQuery).toBe(isNegotiationOverdue('negotiating', trackedOn, '2026-07-01'));
    }
    expect(overdueIfTrackedBefore('2026-07-01')).toBe('2026-01-02');
  });
});

describe('D7: when a project may be evaluated', () => {
  it.each(
    PROJECT_STATUSES.map(
      (status) => [status, ['plan_submitted', 'evaluated', 'tracked', 'negotiating'].includes(status)] as const,
    ),
  )('%s → %s', (status, allowed) => {
    expect(evaluationProblem(status, false) === null).toBe(allowed);
  });
  it('never a duplicate report', () => {
    expect(evaluationProblem('plan_submitted', true)).toContain('重复报送');
  });
});
