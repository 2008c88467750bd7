import { describe, expect, it } from 'vitest';
import { atLeastOneThird, monthsOfPeriod, staffingCompliance, type RosterMember } from './staffing-compliance.ts';

const member = (id: number, over: Partial<RosterMember> = {}): RosterMember => ({
  id,
  name: `人员${id}`,
  position: '科员',
  mainLeader: false,
  takesPartInInvestment: false,
  fromMonth: '2025-01',
  untilMonth: null,
  ...over,
});

describe('R2.8 / D24 shares "1/3以上" compared exactly as fractions', () => {
  it.each([
    ['7', 21, true],
    ['6', 21, false],
    ['6.5', 21, false],
    ['7.5', 22, true],
    ['7', 22, false],
    ['0', 16, false],
    [1, 3, true],
    [33, 100, false],
    [34, 100, true],
    [1, 0, false],
  ])('%s of %s → %s', (n, d, ok) => {
    expect(atLeastOneThird(n, d)).toBe(ok);
  });
});

describe('R2.8 staffing compliance of a platform month', () => {
  const roster = [
    member(1, { mainLeader: true, takesPartInInvestment: true }),
    member(2, { mainLeader: true, takesPartInInvestment: true }),
    member(3),
    member(4),
    member(5),
    member(6),
  ];
  const base = {
    month: '2026-03',
    roster,
    trips: [
      { id: 10, startOn: '2026-03-05', travellerIds: [1, 3] },
      // started in February, back in March: counts for February only (D24: the start date's month)
      { id: 11, startOn: '2026-02-27', travellerIds: [2] },
    ],
    declarations: new Map([
      [1, '8'],
      [2, '7'],
    ]),
    workingDays: 22,
  };

  it('"每月不少于1次": 1 trip passes, 0 trips fails; a trip counts in the month it started', () => {
    const result = staffingCompliance(base);
    expect(result.leaders.map((l) => [l.staffId, l.trips, l.tripIds, l.tripsOk])).toEqual([
      [1, 1, [10], true],
      [2, 0, [], false],
    ]);
  });

  it('time: 8/22 passes (exactly is 22/3 = 7.33…), 7/22 one day short fails', () => {
    const result = staffingCompliance(base);
    expect(result.leaders.map((l) => [l.timeShare, l.timeOk])).toEqual([
      ['8/22', true],
      ['7/22', false],
    ]);
    const exact = staffingCompliance({ ...base, workingDays: 21 });
    expect(exact.leaders.map((l) => [l.timeShare, l.timeOk])).toEqual([
      ['8/21', true],
      ['7/21', true],
    ]);
  });

  it('staff: 2 of 6 taking part is exactly 1/3 and passes; 2 of 7 does not', () => {
    expect(staffingCompliance(base)).toMatchObject({ staffShare: '2/6', staffOk: true, staffTakingPartIds: [1, 2] });
    const seven = staffingCompliance({ ...base, roster: [...roster, member(7)] });
    expect(seven).toMatchObject({ staffShare: '2/7', staffOk: false });
  });

  it('someone off the roster that month is not counted', () => {
    const left = staffingCompliance({ ...base, roster: [...roster, member(7, { untilMonth: '2026-02' })] });
    expect(left.staffTotal).toBe(6);
    const joined = staffingCompliance({ ...base, roster: [...roster, member(8, { fromMonth: '2026-04' })] });
    expect(joined.staffTotal).toBe(6);
  });

  it('a missing declaration or calendar is a marked missing figure, never a pass', () => {
    const noDeclaration = staffingCompliance({ ...base, declarations: new Map([[1, '8']]) });
    expect(noDeclaration.missing).toEqual(['declaration']);
    expect(noDeclaration.leaders[1]).toMatchObject({ timeShare: null, timeOk: null });
    expect(noDeclaration.allOk).toBe(false);
    const noCalendar = staffingCompliance({ ...base, workingDays: undefined });
    expect(noCalendar.missing).toEqual(['calendar']);
    expect(noCalendar.leaders.every((l) => l.timeOk === null)).toBe(true);
  });

  it('no roster: every figure missing; a roster without a main leader is marked', () => {
    expect(staffingCompliance({ ...base, roster: [] })).toMatchObject({
      staffShare: null,
      staffOk: null,
      missing: ['roster'],
      allOk: false,
    });
    expect(staffingCompliance({ ...base, roster: [member(3)] }).missing).toEqual(['noMainLeader']);
  });

  it('all present and passing → allOk', () => {
    const ok = staffingCompliance({
      ...base,
      trips: [...base.trips, { id: 12, startOn: '2026-03-31', travellerIds: [2] }],
      declarations: new Map([
        [1, '8'],
        [2, '7.5'],
      ]),
    });
    expect(ok.allOk).toBe(true);
  });
});

describe('periods', () => {
  it('a quarter has three months, a year twelve', () => {
    expect(monthsOfPeriod('2026Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOfPeriod('2025')).toHaveLength(12);
    expect(() => monthsOfPeriod('2026Q5')).toThrow();
  });
});
