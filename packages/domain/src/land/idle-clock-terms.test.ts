import { describe, expect, it } from 'vitest';
import { clockEnd, type ClockDelay } from './idle-clock.ts';
import { clockRunOut, clockStatusTerms, delayedDaysBefore } from './idle-clock-terms.ts';
import { addDays } from './legal-period.ts';
import { DEFAULT_LAND_SETTINGS as S } from './parcel-settings.ts';

describe('delayedDaysBefore: the delayed days strictly between the start and the day (D23)', () => {
  const d = (fromOn: string, toOn: string): ClockDelay => ({ fromOn, toOn });
  it('none, one inside, one astride the start, one astride the day', () => {
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', [])).toBe(0);
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', [d('2024-04-01', '2024-04-30')])).toBe(30);
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', [d('2024-02-01', '2024-03-10')])).toBe(9);
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', [d('2025-02-20', '2025-06-30')])).toBe(9);
  });
  it('the start and the day themselves are never counted; a delay wholly outside counts nothing', () => {
    expect(delayedDaysBefore('2024-03-01', '2024-03-03', [d('2024-03-01', '2024-03-03')])).toBe(1);
    expect(delayedDaysBefore('2024-03-01', '2024-03-02', [d('2024-03-01', '2024-03-02')])).toBe(0);
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', [d('2023-01-01', '2024-03-01')])).toBe(0);
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', [d('2025-03-01', '2025-04-01')])).toBe(0);
  });
  it('overlapping, contained and adjacent delays count each day once', () => {
    const overlapping = [d('2024-04-01', '2024-04-30'), d('2024-04-21', '2024-05-10')];
    expect(delayedDaysBefore('2024-03-01', '2025-03-01', overlapping)).toBe(40);
    expect(
      delayedDaysBefore('2024-03-01', '2025-03-01', [d('2024-04-01', '2024-04-30'), d('2024-04-05', '2024-04-06')]),
    ).toBe(30);
    expect(
      delayedDaysBefore('2024-03-01', '2025-03-01', [d('2024-05-01', '2024-05-02'), d('2024-04-29', '2024-04-30')]),
    ).toBe(4);
  });
});

describe('clockRunOut equals asOf > clockEnd (D22 + D23 without the loop over delays)', () => {
  // Delays placed around each clock: none, inside its first year, astride its start, one reaching past its end, a
  // whole extension of a year (D23's most), two overlapping, and one after the end (counted by neither).
  const delaysAround = (start: string): ClockDelay[][] => [
    [],
    [{ fromOn: addDays(start, 10), toOn: addDays(start, 99) }],
    [{ fromOn: addDays(start, -20), toOn: addDays(start, 5) }],
    [{ fromOn: addDays(start, 300), toOn: addDays(start, 420) }],
    [{ fromOn: addDays(start, 1), toOn: addDays(start, 365) }],
    [
      { fromOn: addDays(start, 30), toOn: addDays(start, 60) },
      { fromOn: addDays(start, 50), toOn: addDays(start, 90) },
    ],
    [{ fromOn: addDays(start, 800), toOn: addDays(start, 900) }],
  ];
  it('for every start of 2023–2025 (both leap days), 1 and 2 years, on the day before, of and after the end', () => {
    let compared = 0;
    const differing: string[] = [];
    for (let start = '2023-01-01'; start <= '2025-12-31'; start = addDays(start, 1))
      for (const delays of delaysAround(start))
        for (const years of [1, 2]) {
          const end = clockEnd(start, years, delays);
          for (const asOf of [addDays(end, -1), end, addDays(end, 1), addDays(end, 2), addDays(end, 200)]) {
            const delayed = delayedDaysBefore(start, asOf, delays);
            if (clockRunOut(start, years, delayed, asOf) !== asOf > end)
              differing.push(`${start} +${years}y ${JSON.stringify(delays)} as of ${asOf}`);
            compared++;
          }
        }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(compared).toBe(1096 * 7 * 2 * 5);
  });
  it('the leap-day start 2024-02-29: a year runs out after 2025-02-28, a delay of 10 days after 2025-03-10', () => {
    expect(clockRunOut('2024-02-29', 1, 0, '2025-02-28')).toBe(false);
    expect(clockRunOut('2024-02-29', 1, 0, '2025-03-01')).toBe(true);
    const delays = [{ fromOn: '2024-06-01', toOn: '2024-06-10' }];
    expect(clockRunOut('2024-02-29', 1, delayedDaysBefore('2024-02-29', '2025-03-10', delays), '2025-03-10')).toBe(
      false,
    );
    expect(clockRunOut('2024-02-29', 1, delayedDaysBefore('2024-02-29', '2025-03-11', delays), '2025-03-11')).toBe(
      true,
    );
  });
});

describe('clockStatusTerms: the settings as a database compares them', () => {
  it('the default years and the shares 1/3 and 25 % as exact numerator and denominator', () => {
    expect(clockStatusTerms(S)).toEqual({
      notStartedIdleYears: 1,
      suspendedIdleYears: 1,
      recoveryYears: 2,
      areaShare: { numerator: '1', denominator: '3' },
      investmentShare: { numerator: '0.25', denominator: '1' },
    });
  });
});
