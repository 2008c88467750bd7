import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodEnd } from './legal-period.ts';

describe('D22 periods in years (民法典 第201–203条)', () => {
  it('one year from 2024-03-01 ends on 2025-03-01', () => {
    expect(periodEnd('2024-03-01', 1)).toBe('2025-03-01');
  });
  it('one year from 2024-02-29 ends on 2025-02-28 (the date does not exist: last day of the month)', () => {
    expect(periodEnd('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('four years from 2024-02-29 end on 2028-02-29', () => {
    expect(periodEnd('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('two years from 2023-02-28 end on 2025-02-28', () => {
    expect(periodEnd('2023-02-28', 2)).toBe('2025-02-28');
  });
  it('adds and counts days across a leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(daysBetween('2024-03-01', '2025-03-01')).toBe(365);
    expect(daysBetween('2023-03-01', '2024-03-01')).toBe(366);
  });
  it('century years: 2000 is a leap year, 2100 is not', () => {
    expect(periodEnd('1996-02-29', 4)).toBe('2000-02-29');
    expect(periodEnd('2096-02-29', 4)).toBe('2100-02-28');
    expect(periodEnd('2096-02-29', 8)).toBe('2104-02-29');
  });
  it('gives the civil-code end day (the same date, or the month’s last day) for every day of 2020–2032', () => {
    // The calendar's own answer through Date, as the first version computed it, for 1, 2 and 3 years.
    const byCalendar = (day: string, years: number) => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
      return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
    };
    for (let day = '2020-01-01'; day <= '2032-12-31'; day = addDays(day, 1))
      for (const years of [1, 2, 3]) expect(periodEnd(day, years)).toBe(byCalendar(day, years));
  });
});
