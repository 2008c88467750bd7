import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarBook,
  calendarProblems,
  isWorkingDay,
  workingDaysBetween,
  workingDaysOfMonth,
} from './holiday-calendar.ts';
import { HOLIDAY_CALENDARS_SEED } from './holiday-data.ts';

const book = calendarBook(HOLIDAY_CALENDARS_SEED);

describe('R2.8 national holiday calendar: working days with 调休', () => {
  it.each([
    // 2026-02: 20 weekdays − 春节 Mon–Fri 16–20 and Mon 23 (6) + make-up Saturdays 14 and 28 (2) = 16
    ['2026-02', 16],
    // 2025-01: 23 weekdays − 元旦 (1) − 春节 28–31 (4) + Sunday 26 (1) = 19
    ['2025-01', 19],
    // 2026-10: 22 weekdays − 1, 2, 5, 6, 7 (5) + Saturday 10 (1) = 18
    ['2026-10', 18],
    // 2026-09: 22 weekdays − 中秋 Friday 25 (1) + Sunday 20 (1) = 22
    ['2026-09', 22],
    // 2026-03: no holiday, 22 weekdays
    ['2026-03', 22],
  ])('%s has %i working days', (month, days) => {
    expect(workingDaysOfMonth(month, book)).toBe(days);
  });

  it('a make-up Saturday is a working day, a weekday inside a holiday is not, a plain Saturday is not', () => {
    expect(isWorkingDay('2026-02-14', book)).toBe(true);
    expect(isWorkingDay('2026-02-16', book)).toBe(false);
    expect(isWorkingDay('2026-03-07', book)).toBe(false);
    expect(isWorkingDay('2026-03-09', book)).toBe(true);
  });

  it('a year without a calendar has no count (a missing figure, not a guess)', () => {
    expect(workingDaysOfMonth('2027-01', book)).toBeUndefined();
    expect(isWorkingDay('2024-12-31', book)).toBeUndefined();
    expect(workingDaysBetween('2026-12-30', '2027-01-02', book)).toBeUndefined();
  });

  it('workingDaysBetween counts both ends', () => {
    expect(workingDaysBetween('2026-03-09', '2026-03-13', book)).toBe(5);
    expect(workingDaysBetween('2026-03-09', '2026-03-09', book)).toBe(1);
    expect(workingDaysBetween('2026-03-10', '2026-03-09', book)).toBe(0);
  });

  it('addWorkingDays: 5 working days of a public notice skip the holiday and count the make-up day', () => {
    // Published Friday 2026-03-06: Mon 9 … Fri 13.
    expect(addWorkingDays('2026-03-06', 5, book)).toBe('2026-03-13');
    // Published Friday 2026-09-25 (中秋, off): Mon 28, Tue 29, Wed 30, then 国庆 1–7 off, Thu 8, Fri 9.
    expect(addWorkingDays('2026-09-25', 5, book)).toBe('2026-10-09');
    // Published Friday 2026-02-13: Sat 14 (调休上班) counts, then 15–23 off, Tue 24, Wed 25, Thu 26, Fri 27 is the fifth.
    expect(addWorkingDays('2026-02-13', 5, book)).toBe('2026-02-27');
    expect(addWorkingDays('2026-03-06', 0, book)).toBe('2026-03-06');
    expect(addWorkingDays('2026-12-30', 5, book)).toBeUndefined();
  });

  it('an entered calendar is checked: dates in its year, ranges in order, make-up days on weekends, a source', () => {
    expect(HOLIDAY_CALENDARS_SEED.flatMap(calendarProblems)).toEqual([]);
    expect(
      calendarProblems({
        year: 2027,
        source: ' ',
        festivals: [
          { name: '春节', offFrom: '2027-02-10', offTo: '2027-02-05', makeUpDays: ['2027-02-03'] },
          { name: '元旦', offFrom: '2026-12-31', offTo: '2027-01-01', makeUpDays: [] },
        ],
      }),
    ).toEqual([
      '请填写来源（国务院办公厅通知的名称和日期）',
      '春节的放假开始日期晚于结束日期',
      '春节的调休上班日 2027-02-03 不是周六或周日',
      '元旦的放假日期应是 2027 年内的日期',
    ]);
  });
});
