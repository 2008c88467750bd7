import { describe, expect, it } from 'vitest';
import { calendarDaySchema } from './common.contract.ts';
import { isCalendarDay, shanghaiDateTime, shanghaiDay } from './dates.ts';

describe('Shanghai days and times (DESIGN.md: stored UTC, shown Asia/Shanghai)', () => {
  it('puts 16:00 UTC on the next Shanghai day and 15:59:59 on the same one', () => {
    expect(shanghaiDay(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(shanghaiDay(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
  });

  it('reads the day of each instant when the same day was asked just before (the remembered day ends at midnight)', () => {
    const midnight = Date.UTC(2026, 10, 28, 16);
    const asked = [-86_400_000, -1, 0, -1, 86_399_999, 86_400_000, -86_400_001].map((offset) =>
      shanghaiDay(new Date(midnight + offset)),
    );
    expect(asked).toEqual([
      '2026-11-28',
      '2026-11-28',
      '2026-11-29',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-11-27',
    ]);
  });

  it('reads the same day as the time-zone database, at each side of midnight, from 1985 to 2100 and at the edges', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const instants: Date[] = [];
    // Every 7 days and 13 hours, so the hours of the day drift through; plus the seconds around each local midnight
    // (UTC 16:00), through the daylight-saving years 1986–1991 that the eight-hour shortcut must not cover.
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2100, 0, 1); t += (7 * 24 + 13) * 3_600_000)
      instants.push(new Date(t));
    for (let year = 1985; year <= 2100; year += 1)
      for (const month of [0, 3, 6, 9])
        for (const offset of [-1000, 0, 999, -3_601_000, -3_600_000])
          instants.push(new Date(Date.UTC(year, month, 15, 16) + offset));
    instants.push(new Date(Date.UTC(1991, 11, 31, 16) - 1), new Date(Date.UTC(1991, 11, 31, 16)));
    instants.push(new Date(Date.UTC(9999, 11, 31, 15, 59, 59)), new Date(Date.UTC(1900, 0, 1)));
    const differ = instants.filter((instant) => shanghaiDay(instant) !== intl.format(instant));
    expect(differ).toEqual([]);
    // 1988-04-10 to 1988-09-11 Shanghai kept daylight saving (UTC+9): 15:30 UTC was already the next day.
    expect(shanghaiDay(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02');
    expect(() => shanghaiDay(new Date('not a date'))).toThrow(RangeError);
  });

  it('writes wall-clock time as YYYY-MM-DD HH:mm:ss, midnight as 00 not 24', () => {
    expect(shanghaiDateTime(new Date('2026-11-28T04:41:26Z'))).toBe('2026-11-28 12:41:26');
    expect(shanghaiDateTime('2026-11-28T16:00:00Z')).toBe('2026-11-29 00:00:00');
  });

  it('knows which days exist, leap years included', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
  });

  it('refuses an impossible day in a request with a Chinese message naming it', () => {
    expect(calendarDaySchema.safeParse('2026-11-28').success).toBe(true);
    const refused = calendarDaySchema.safeParse('2026-02-30');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('日期 2026-02-30 不存在');
    expect(calendarDaySchema.safeParse('28/11/2026').error?.issues[0]?.message).toBe('日期格式应为 YYYY-MM-DD');
  });
});
