import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_WITHIN_DAYS, isLateReport, rejudgedReport, reportDueOn } from './report-deadline.ts';

describe('R2.8 及时报备: reported within N days after return (the return day not counted, D22)', () => {
  it('default 3 days: back on the 10th, due on the 13th', () => {
    expect(DEFAULT_REPORT_WITHIN_DAYS).toBe(3);
    expect(reportDueOn('2026-03-10', 3)).toBe('2026-03-13');
    expect(reportDueOn('2026-02-27', 3)).toBe('2026-03-02');
  });

  it.each([
    ['2026-03-10', false],
    ['2026-03-13', false],
    ['2026-03-14', true],
  ])('back 2026-03-10, reported %s → late %s', (reportedOn, late) => {
    expect(isLateReport('2026-03-10', reportedOn, 3)).toBe(late);
  });

  it('the setting changes the boundary', () => {
    expect(isLateReport('2026-03-10', '2026-03-15', 5)).toBe(false);
    expect(isLateReport('2026-03-10', '2026-03-16', 5)).toBe(true);
  });
});

describe('R2.8 an edited trip is judged again by its corrected return day', () => {
  const first = { endOn: '2026-03-10', dueOn: '2026-03-13', reportedOn: '2026-03-13' };
  it('timely on the due day; a return corrected one day earlier makes the same report late', () => {
    expect(rejudgedReport(first, '2026-03-10')).toEqual({ dueOn: '2026-03-13', late: false });
    expect(rejudgedReport(first, '2026-03-09')).toEqual({ dueOn: '2026-03-12', late: true });
  });
  it('a late report becomes timely when the return was later than first typed', () => {
    const late = { endOn: '2026-03-10', dueOn: '2026-03-13', reportedOn: '2026-03-14' };
    expect(rejudgedReport(late, '2026-03-10').late).toBe(true);
    expect(rejudgedReport(late, '2026-03-11')).toEqual({ dueOn: '2026-03-14', late: false });
  });
  it('keeps the number of days in force at the first report (5 then, whatever the setting now)', () => {
    const five = { endOn: '2026-03-10', dueOn: '2026-03-15', reportedOn: '2026-03-15' };
    expect(rejudgedReport(five, '2026-03-10')).toEqual({ dueOn: '2026-03-15', late: false });
    expect(rejudgedReport(five, '2026-03-09')).toEqual({ dueOn: '2026-03-14', late: true });
  });
});
