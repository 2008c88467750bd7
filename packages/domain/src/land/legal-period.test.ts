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
});
