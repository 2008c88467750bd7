import { describe, expect, it } from 'vitest';
import { WEEKEND_CALENDAR, workingPeriodEnd, type WorkingDayCalendar } from './working-days.ts';
import { acceptsObjections, noticeStatus, objectionReference } from './notice-status.ts';

/** A fake national calendar: 2026-10-01…07 holidays, 2026-10-10 (Saturday) a 调休 working day. */
const fakeCalendar: WorkingDayCalendar = {
  isWorkingDay(day) {
    if (day === '2026-10-10') return true;
    if (day >= '2026-10-01' && day <= '2026-10-07') return false;
    return WEEKEND_CALENDAR.isWorkingDay(day);
  },
};

describe('R3.2 公示 period in working days', () => {
  it('R3.2 five working days from a Monday end on that Friday; from a Wednesday, across the weekend, on Tuesday', () => {
    expect(workingPeriodEnd('2026-12-07', 5, WEEKEND_CALENDAR)).toBe('2026-12-11');
    expect(workingPeriodEnd('2026-12-09', 5, WEEKEND_CALENDAR)).toBe('2026-12-15');
  });

  it('R3.2 a start on a Saturday counts from Monday', () => {
    expect(workingPeriodEnd('2026-12-05', 5, WEEKEND_CALENDAR)).toBe('2026-12-11');
    expect(workingPeriodEnd('2026-12-05', 1, WEEKEND_CALENDAR)).toBe('2026-12-07');
  });

  it('R3.2 the holiday calendar skips the National Day week and counts the 调休 Saturday', () => {
    // 09-30 (Wed) is day 1; 10-01…07 rest; 10-08 Thu 2, 10-09 Fri 3, 10-10 Sat (调休) 4, 10-12 Mon 5.
    expect(workingPeriodEnd('2026-09-30', 5, fakeCalendar)).toBe('2026-10-12');
    // Without the 调休 day the same notice would end a day later.
    expect(workingPeriodEnd('2026-09-30', 5, WEEKEND_CALENDAR)).toBe('2026-10-06');
    expect(workingPeriodEnd('2026-10-10', 1, fakeCalendar)).toBe('2026-10-10');
  });

  it('R3.2 refuses a period of no working days', () => {
    expect(() => workingPeriodEnd('2026-12-07', 0, WEEKEND_CALENDAR)).toThrow(RangeError);
    expect(() => workingPeriodEnd('2026-12-07', 1, { isWorkingDay: () => false })).toThrow(RangeError);
  });
});

describe('R3.2 公示 status: final only when the period has ended and every objection is answered', () => {
  const notice = { startDay: '2026-12-07', endDay: '2026-12-11' };
  it.each([
    ['the day before the start', '2026-12-06', 0, 'scheduled'],
    ['the first day', '2026-12-07', 0, 'open'],
    ['the last day, all answered', '2026-12-11', 0, 'open'],
    ['the last day, one unanswered', '2026-12-11', 1, 'open'],
    ['the day after, one unanswered', '2026-12-12', 1, 'awaiting_answers'],
    ['the day after, all answered', '2026-12-12', 0, 'final'],
  ] as const)('R3.2 %s', (_title, today, unanswered, status) => {
    expect(noticeStatus(notice, unanswered, today)).toBe(status);
  });

  it('R3.2 objections are accepted from the first to the last day only', () => {
    expect(acceptsObjections(notice, '2026-12-06')).toBe(false);
    expect(acceptsObjections(notice, '2026-12-07')).toBe(true);
    expect(acceptsObjections(notice, '2026-12-11')).toBe(true);
    expect(acceptsObjections(notice, '2026-12-12')).toBe(false);
  });

  it('R3.2 the reference number names the notice and the objection', () => {
    expect(objectionReference(12, 3)).toBe('GS-12-0003');
  });
});
