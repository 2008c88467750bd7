import { describe, expect, it } from 'vitest';
import { landCleanup, parcelStateOn, type ParcelHistory } from './land-cleanup.ts';
import { casesClosedOnTime, type CaseForAssessment } from './cases-on-time.ts';
import { endedPeriods, investmentObligations } from './investment-obligations.ts';

const parcel = (id: number, moves: [string, string | null, string][]): ParcelHistory => ({
  id,
  code: `P${id}`,
  moves: moves.map(([kind, toState, on]) => ({ kind, toState, on })),
});

describe('R3.6 / R4.2 land clean-up share, replayed from the timeline', () => {
  const approvedBefore = (id: number, ...later: [string, string | null, string][]) =>
    parcel(id, [['create', 'approved', '2024-05-01'], ...later]);

  it('a supply on 1 January and on the assessment day counts; on 31 December before or the day after does not', () => {
    const parcels = [
      approvedBefore(1, ['supply', 'supplied', '2025-12-31']), // supplied before the year: 供而未用 at the start, not handled
      approvedBefore(2, ['supply', 'supplied', '2026-01-01']),
      approvedBefore(3, ['supply', 'supplied', '2026-06-30']),
      approvedBefore(4, ['supply', 'supplied', '2026-07-01']),
    ];
    const result = landCleanup(parcels, 2026, '2026-06-30');
    expect(result.verdicts.map((v) => [v.parcel.id, v.handledBy?.on ?? null])).toEqual([
      [1, null],
      [2, '2026-01-01'],
      [3, '2026-06-30'],
      [4, null],
    ]);
    expect(result).toMatchObject({ due: 4, handled: 2, share: '0.5' });
  });

  it('started before the year: not clean-up land; started, recovered and reused in the year: handled', () => {
    const parcels = [
      approvedBefore(1, ['supply', 'supplied', '2025-02-01'], ['start', 'started', '2025-12-31']),
      approvedBefore(2, ['supply', 'supplied', '2025-02-01'], ['start', 'started', '2026-01-01']),
      approvedBefore(3, ['supply', 'supplied', '2024-06-01'], ['recover', 'recovered', '2026-03-01']),
      parcel(4, [
        ['create', 'approved', '2020-01-01'],
        ['supply', 'supplied', '2020-02-01'],
        ['start', 'started', '2020-03-01'],
        ['complete', 'completed', '2021-01-01'],
        ['vacate', 'vacated', '2025-08-01'],
        ['reuse', 'reused', '2026-04-01'],
      ]),
      // a progress report or a publication is no handling
      approvedBefore(5, ['publish', 'approved', '2026-02-01']),
    ];
    const result = landCleanup(parcels, 2026, '2026-12-31');
    expect(result.verdicts.map((v) => v.parcel.id)).toEqual([2, 3, 4, 5]);
    expect(result.verdicts.map((v) => v.handledBy?.kind ?? null)).toEqual(['start', 'recover', 'reuse', null]);
    expect(result.share).toBe('0.75');
  });

  it('a parcel approved in the year counts from its approval; approved after the assessment day not at all', () => {
    const parcels = [
      parcel(1, [['create', 'approved', '2026-03-01']]),
      parcel(2, [['create', 'approved', '2026-07-01']]),
    ];
    const result = landCleanup(parcels, 2026, '2026-06-30');
    expect(result.verdicts.map((v) => [v.parcel.id, v.stateAtStart])).toEqual([[1, null]]);
    expect(result.share).toBe('0');
  });

  it('nothing to clean up: share 1; the state on a day follows the recorded moves', () => {
    expect(landCleanup([], 2026, '2026-06-30')).toMatchObject({ due: 0, share: '1' });
    const p = approvedBefore(1, ['supply', 'supplied', '2026-01-01']);
    expect(parcelStateOn(p.moves, '2023-12-31')).toBeNull();
    expect(parcelStateOn(p.moves, '2025-12-31')).toBe('approved');
    expect(parcelStateOn(p.moves, '2026-01-01')).toBe('supplied');
  });
});

describe('R3.4–R3.5 cases closed on time', () => {
  const c = (id: number, deadline: string, status: string, completedOn: string | null): CaseForAssessment => ({
    id,
    enterpriseName: `企业${id}`,
    track: 'elimination',
    status,
    deadline,
    completedOn,
  });

  it('completed on the deadline day is on time, the day after is late; due from 1 January to the assessment day', () => {
    const cases = [
      c(1, '2026-06-30', 'completed', '2026-06-30'),
      c(2, '2026-06-30', 'completed', '2026-07-01'),
      c(3, '2026-01-01', 'in_progress', null),
      c(4, '2025-12-31', 'completed', '2025-12-01'), // due the year before
      c(5, '2026-07-01', 'planned', null), // not due by the assessment day
      c(6, '2026-03-01', 'withdrawn', null), // no obligation
    ];
    const result = casesClosedOnTime(cases, 2026, '2026-06-30');
    expect(result.verdicts.map((v) => [v.case.id, v.onTime])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(result).toMatchObject({ due: 3, onTime: 1 });
    expect(result.share).toBe('0.33333333333333333333');
  });

  it('no case due: share 1', () => {
    expect(casesClosedOnTime([c(1, '2026-07-01', 'planned', null)], 2026, '2026-06-30').share).toBe('1');
  });
});

describe('R2.7–R2.8 quarters with a target library and months with a leader trip', () => {
  it('a period ends on its last day: Q1 and March count on 03-31, not on 03-30', () => {
    expect(endedPeriods(2026, '2026-03-30')).toEqual({ quarters: [], months: ['2026-01', '2026-02'] });
    expect(endedPeriods(2026, '2026-03-31')).toEqual({
      quarters: ['2026Q1'],
      months: ['2026-01', '2026-02', '2026-03'],
    });
    expect(endedPeriods(2024, '2024-02-29').months).toEqual(['2024-01', '2024-02']);
    expect(endedPeriods(2026, '2026-01-30')).toEqual({ quarters: [], months: [] });
  });

  it('the mean of the two shares; a side with no ended period left out; nothing ended → 1', () => {
    const quarters = [
      { quarter: '2026Q1', targets: 3 },
      { quarter: '2026Q2', targets: 0 },
    ];
    const months = ['01', '02', '03', '04', '05', '06'].map((m, i) => ({ month: `2026-${m}`, met: i < 3, note: '' }));
    expect(investmentObligations(quarters, months)).toMatchObject({ quartersMet: 1, monthsMet: 3, share: '0.5' });
    expect(investmentObligations([{ quarter: '2026Q1', targets: 1 }], months).share).toBe('0.75');
    expect(investmentObligations([], months.slice(0, 1)).share).toBe('1');
    expect(investmentObligations([], []).share).toBe('1');
  });
});
