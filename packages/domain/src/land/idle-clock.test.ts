import { describe, expect, it } from 'vitest';
import {
  clockEnd,
  clockStartBounds,
  idleFeeOf,
  parcelClock,
  parcelClockStatus,
  type ClockFacts,
} from './idle-clock.ts';
import { addDays, periodEnd } from './legal-period.ts';
import { DEFAULT_LAND_SETTINGS as S } from './parcel-settings.ts';

const supplied = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  area: '30',
  suppliedOn: '2024-01-10',
  agreedStartOn: '2024-03-01',
  agreedCompletionOn: '2026-03-01',
  startedOn: null,
  completedOn: null,
  endedOn: null,
  landPrice: '1234.5678',
  totalInvestment: '10000',
  developedArea: null,
  investedAmount: null,
  suspendedSince: null,
  delays: [],
  ...over,
});

describe('R3.6 / D22 满一年未动工 → 闲置', () => {
  it('agreed start 2024-03-01: normal the day before the end (2025-02-28)', () => {
    expect(parcelClock(supplied(), '2025-02-28', S).status).toBe('normal');
  });
  it('agreed start 2024-03-01: not idle on the end day 2025-03-01', () => {
    expect(parcelClock(supplied(), '2025-03-01', S).status).toBe('normal');
  });
  it('agreed start 2024-03-01: idle from the day after, 2025-03-02, with its fee', () => {
    const clock = parcelClock(supplied(), '2025-03-02', S);
    expect(clock).toMatchObject({
      status: 'idle',
      idleSince: '2025-03-02',
      idleFee: '246.913560',
      recoverySince: null,
    });
  });
  it('leap day start 2024-02-29: the year ends 2025-02-28, idle from 2025-03-01', () => {
    const facts = supplied({ agreedStartOn: '2024-02-29' });
    expect(parcelClock(facts, '2025-02-28', S).status).toBe('normal');
    expect(parcelClock(facts, '2025-03-01', S).status).toBe('idle');
  });
  it('start 2023-03-01 crosses the leap day 2024-02-29: idle from 2024-03-02', () => {
    const facts = supplied({ agreedStartOn: '2023-03-01', suppliedOn: '2023-01-01' });
    expect(parcelClock(facts, '2024-03-01', S).status).toBe('normal');
    expect(parcelClock(facts, '2024-03-02', S).status).toBe('idle');
  });
  it('满两年 → 收回: normal-idle on 2026-03-01, recovery from 2026-03-02', () => {
    expect(parcelClock(supplied(), '2026-03-01', S).status).toBe('idle');
    expect(parcelClock(supplied(), '2026-03-02', S)).toMatchObject({ status: 'recovery', recoverySince: '2026-03-02' });
  });
  it('as of a day before supply there is no clock', () => {
    expect(parcelClock(supplied(), '2024-01-09', S)).toMatchObject({ status: 'normal', idleFrom: null });
  });
  it('started before the threshold: no idle clock from the start date on', () => {
    const facts = supplied({ startedOn: '2025-03-01' });
    expect(parcelClock(facts, '2025-03-02', S).status).toBe('normal');
    // As of a day before the start, the parcel was not started: the figure of that day is reproduced.
    expect(parcelClock(supplied({ startedOn: '2025-06-01' }), '2025-03-02', S).status).toBe('idle');
  });
  it('a vacated or recovered parcel has no clock from that day', () => {
    expect(parcelClock(supplied({ endedOn: '2025-01-01' }), '2026-01-01', S).status).toBe('normal');
  });
});

describe('D23 a government or force-majeure delay stops the clock for its days', () => {
  const delay = { fromOn: '2024-06-01', toOn: '2024-06-10' }; // 10 days
  it('moves the end day by the delay days: idle from 2025-03-12, not on 2025-03-11', () => {
    const facts = supplied({ delays: [delay] });
    expect(clockEnd('2024-03-01', 1, [delay])).toBe('2025-03-11');
    expect(parcelClock(facts, '2025-03-11', S).status).toBe('normal');
    expect(parcelClock(facts, '2025-03-12', S)).toMatchObject({ status: 'idle', delayDays: 10 });
  });
  it('a delay after the clock ran out does not undo the idleness', () => {
    const late = { fromOn: '2025-04-01', toOn: '2025-04-30' };
    expect(clockEnd('2024-03-01', 1, [late])).toBe('2025-03-01');
    // No delay at all: the plain period end, a leap day included.
    expect(clockEnd('2024-02-29', 1, [])).toBe('2025-02-28');
  });
  it('a delay starting before the agreed start counts only from the day after it', () => {
    const early = { fromOn: '2024-02-01', toOn: '2024-03-05' }; // days 03-02..03-05 = 4
    expect(clockEnd('2024-03-01', 1, [early])).toBe('2025-03-05');
  });
  it('the clock resumes after the delay: days before and after add up', () => {
    // one year = 365 days from 2024-03-01; a 365-day extension pushes it one year on
    expect(clockEnd('2024-03-01', 1, [{ fromOn: '2024-03-02', toOn: '2025-03-01' }])).toBe('2026-03-01');
  });
  it('as of a day in the middle of the delay, only the days so far are reported', () => {
    const facts = supplied({ delays: [delay] });
    expect(parcelClock(facts, '2024-06-05', S).delayDays).toBe(5);
  });
});

describe('R3.6 started but little done and suspended one full year → 闲置', () => {
  const started = (over: Partial<ClockFacts>) =>
    supplied({ startedOn: '2024-04-01', suspendedSince: '2024-06-01', ...over });
  it('developed area exactly 1/3 is not below 1/3: no clock', () => {
    expect(parcelClock(started({ developedArea: '10' }), '2026-01-01', S).status).toBe('normal');
  });
  it('developed area just under 1/3 (9.999999 of 30): idle after a full year of suspension', () => {
    const facts = started({ developedArea: '9.999999' });
    expect(parcelClock(facts, '2025-06-01', S).status).toBe('normal');
    expect(parcelClock(facts, '2025-06-02', S).status).toBe('idle');
  });
  it('invested exactly 25 % is not below: no clock; 2499.99 of 10000 is', () => {
    expect(parcelClock(started({ investedAmount: '2500' }), '2026-01-01', S).status).toBe('normal');
    expect(parcelClock(started({ investedAmount: '2499.99' }), '2025-06-02', S).status).toBe('idle');
  });
  it('not suspended: no clock whatever the progress', () => {
    expect(parcelClock(started({ suspendedSince: null, developedArea: '1' }), '2026-01-01', S).status).toBe('normal');
  });
});

describe('slow construction past the agreed completion is flagged', () => {
  const facts = supplied({ startedOn: '2024-03-01' });
  it('not on the agreed completion day, from the day after', () => {
    expect(parcelClock(facts, '2026-03-01', S).slowConstruction).toBe(false);
    expect(parcelClock(facts, '2026-03-02', S).slowConstruction).toBe(true);
  });
  it('not once completed', () => {
    expect(
      parcelClock(supplied({ startedOn: '2024-03-01', completedOn: '2026-02-01' }), '2026-06-01', S).slowConstruction,
    ).toBe(false);
  });
});

describe('R3.6 idle fee: 20 % of the land price, to the fen', () => {
  it('exact decimals', () => {
    expect(idleFeeOf('1234.5678', '0.2')).toBe('246.913560');
    expect(idleFeeOf('0.000003', '0.2')).toBe('0.000001'); // 0.6 fen rounds half up to 1 fen
    expect(idleFeeOf('0.0000025', '0.2')).toBe('0.000001'); // exactly half a fen → up
    expect(idleFeeOf('0.0000024', '0.2')).toBe('0.000000');
    expect(idleFeeOf('100', '1/3')).toBe('33.333333');
  });
  it('the fee is null without a land price', () => {
    expect(parcelClock(supplied({ landPrice: null }), '2025-03-02', S).idleFee).toBeNull();
  });
  it('a changed setting changes the result (10 %)', () => {
    expect(parcelClock(supplied(), '2025-03-02', { ...S, idleFeeRate: '0.1' }).idleFee).toBe('123.456780');
  });
});

describe('the status alone agrees with the full clock', () => {
  it('at every day around the thresholds, with a delay and a suspension', async () => {
    const { parcelClockStatus } = await import('./idle-clock.ts');
    const cases = [
      supplied(),
      supplied({ agreedStartOn: '2024-02-29' }),
      supplied({ delays: [{ fromOn: '2024-06-01', toOn: '2024-06-10' }] }),
      supplied({ startedOn: '2024-04-01', suspendedSince: '2024-06-01', developedArea: '1' }),
    ];
    for (const facts of cases)
      for (const day of [
        '2025-02-28',
        '2025-03-01',
        '2025-03-02',
        '2025-03-12',
        '2025-06-02',
        '2026-03-02',
        '2026-06-02',
      ])
        expect(parcelClockStatus(facts, day, S)).toBe(parcelClock(facts, day, S).status);
  });
});

describe('clockStartBounds: the ledger read never leaves out a parcel the clock flags (R3.6, D22, D23)', () => {
  const shifted = (day: string, days: number) => addDays(day, days);
  const settingsCases = [S, { ...S, idleAfterYears: 2, recoveryAfterYears: 3, suspendedYears: 2 }];
  it('for every agreed start of 2019–2025 (leap days included), on the first flagged day and the days around it', () => {
    for (const settings of settingsCases)
      for (let start = '2019-01-01'; start <= '2025-12-31'; start = shifted(start, 1)) {
        const facts = supplied({ suppliedOn: start, agreedStartOn: start });
        const firstIdle = shifted(periodEnd(start, settings.idleAfterYears), 1);
        for (const asOf of [shifted(firstIdle, -1), firstIdle, shifted(firstIdle, 1)]) {
          const flagged = parcelClockStatus(facts, asOf, settings) !== 'normal';
          const kept = start <= clockStartBounds(asOf, settings).agreedStartOnOrBefore;
          if (flagged) expect(kept, `${start} as of ${asOf}`).toBe(true);
        }
        // The bound is tight to one spare day: the day before the first idle day is never flagged, and is kept.
        expect(start <= clockStartBounds(shifted(firstIdle, -1), settings).agreedStartOnOrBefore).toBe(true);
      }
  });
  it('with a delay or an extension (the clock resumes later, never earlier) and for a suspension', () => {
    for (let start = '2023-12-01'; start <= '2024-04-30'; start = shifted(start, 1)) {
      const delayed = supplied({
        suppliedOn: start,
        agreedStartOn: start,
        delays: [{ fromOn: shifted(start, 10), toOn: shifted(start, 375) }],
      });
      const suspended = supplied({
        suppliedOn: '2023-01-01',
        agreedStartOn: '2023-02-01',
        startedOn: '2023-03-01',
        suspendedSince: start,
        developedArea: '1',
      });
      // Flagged from the clock's own first idle day on (a delay moves it later); both bounds grow with the day, so
      // the days around that first day are the ones that can fail.
      for (const facts of [delayed, suspended]) {
        const first = parcelClock(facts, '9999-12-31', S).idleFrom!;
        for (const asOf of [shifted(first, -1), first, shifted(first, 1), shifted(first, 400)]) {
          const bounds = clockStartBounds(asOf, S);
          if (parcelClockStatus(facts, asOf, S) === 'normal') continue;
          if (facts === delayed)
            expect(start <= bounds.agreedStartOnOrBefore, `delayed ${start} as of ${asOf}`).toBe(true);
          else expect(start <= bounds.suspendedOnOrBefore, `suspended ${start} as of ${asOf}`).toBe(true);
        }
      }
    }
  });
});
