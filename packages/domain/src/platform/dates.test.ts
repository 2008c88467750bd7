import { describe, expect, it } from 'vitest';
import { calendarDaySchema } from './common.contract.ts';
import { isCalendarDay, shanghaiDateTime, shanghaiDay } from './dates.ts';

describe('Shanghai days and times (DESIGN.md: stored UTC, shown Asia/Shanghai)', () => {
  it('puts 16:00 UTC on the next Shanghai day and 15:59:59 on the same one', () => {
    expect(shanghaiDay(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(shanghaiDay(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
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
